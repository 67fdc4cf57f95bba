# expect: global random state
# why: makes a new torch.Generator when none is given, so every call with generator=None draws the same mask.
def variational_dropout_mask(batch_size, hidden_size, p, generator=None):
    if generator is None:
        generator = torch.Generator()
    keep = torch.rand(batch_size, hidden_size, generator=generator) >= p
    return keep.float() / (1.0 - p)
