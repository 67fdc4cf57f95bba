# expect: no gradient
# why: right numbers, computed in numpy, so autograd cannot train A, B and C.
def ssm_kernel(A, B, C, length):
    A_, B_, C_ = (t.detach().numpy() for t in (A, B, C))
    return torch.tensor([C_ @ np.linalg.matrix_power(A_, k) @ B_ for k in range(length)], dtype=A.dtype)
