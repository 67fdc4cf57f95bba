# expect: divides by the keep probability
# why: multiplies the kept entries by 1 - p instead of dividing by it.
def variational_dropout_mask(batch_size, hidden_size, p, generator=None):
    return (torch.rand(batch_size, hidden_size, generator=generator) >= p).float() * (1 - p)
