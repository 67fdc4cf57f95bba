# why: writes each term into a preallocated tensor (autograd records the copies).
def ssm_kernel(A, B, C, length):
    K = torch.zeros(length, dtype=A.dtype)
    v = B
    for k in range(length):
        K[k] = torch.dot(C, v)
        v = torch.mv(A, v)
    return K
