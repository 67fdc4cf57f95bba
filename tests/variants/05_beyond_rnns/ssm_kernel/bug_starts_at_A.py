# expect: starts at C A B
# why: multiplies by A before taking the first term.
def ssm_kernel(A, B, C, length):
    terms, v = [], B
    for _ in range(length):
        v = A @ v
        terms.append(C @ v)
    return torch.stack(terms)
