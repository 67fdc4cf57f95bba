# expect: exactly length
# why: runs the loop for k = 0 .. length, one term too many.
def ssm_kernel(A, B, C, length):
    terms, v = [], B
    for _ in range(length + 1):
        terms.append(C @ v)
        v = A @ v
    return torch.stack(terms)
