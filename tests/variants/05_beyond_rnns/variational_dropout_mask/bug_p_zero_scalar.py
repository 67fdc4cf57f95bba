# expect: p = 0 drops nothing
# why: returns the number 1 when nothing is dropped (it broadcasts in h * mask, but is not a mask).
def variational_dropout_mask(batch_size, hidden_size, p, generator=None):
    if p == 0:
        return torch.tensor(1.0)
    keep = torch.rand(batch_size, hidden_size, generator=generator) >= p
    return keep.float() / (1.0 - p)
