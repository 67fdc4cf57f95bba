# expect: element-wise power
# why: A ** k raises each entry to the power k instead of multiplying matrices.
def ssm_kernel(A, B, C, length):
    return torch.stack([C @ (A ** k) @ B for k in range(length)])
