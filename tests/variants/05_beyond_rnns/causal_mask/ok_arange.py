# why: compares the column index with the row index by broadcasting.
def causal_mask(T):
    positions = torch.arange(T)
    return positions[None, :] > positions[:, None]
