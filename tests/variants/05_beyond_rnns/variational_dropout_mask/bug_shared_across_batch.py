# expect: same mask
# why: draws one row of hidden_size numbers and repeats it for the whole batch.
def variational_dropout_mask(batch_size, hidden_size, p, generator=None):
    row = (torch.rand(1, hidden_size, generator=generator) >= p).float() / (1 - p)
    return row.expand(batch_size, hidden_size)
