# expect: probability of dropping
# why: treats p as the keep probability.
def variational_dropout_mask(batch_size, hidden_size, p, generator=None):
    return (torch.rand(batch_size, hidden_size, generator=generator) < p).float() / (1 - p)
