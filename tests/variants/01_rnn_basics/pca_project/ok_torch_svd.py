# why: torch's SVD, returned as tensors scaled U * S.
def pca_project(states, k=2):
    x = torch.as_tensor(states, dtype=torch.float64)
    x = x - x.mean(dim=0)
    u, s, _ = torch.linalg.svd(x, full_matrices=False)
    return u[:, :k] * s[:k], s[:k] ** 2 / (s**2).sum()
