# expect: transposed
# why: multiplies the row vector v @ A, which is A.T @ v.
def ssm_kernel(A, B, C, length):
    terms, v = [], B
    for _ in range(length):
        terms.append(C @ v)
        v = v @ A
    return torch.stack(terms)
