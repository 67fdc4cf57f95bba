# why: the same quantity with torch.linalg.eigvals, returned through .item().
def spectral_radius(W):
    eigenvalues = torch.linalg.eigvals(torch.as_tensor(W, dtype=torch.float64))
    return eigenvalues.abs().max().item()
