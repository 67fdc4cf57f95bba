# why: torch.bernoulli with the keep probability, then the inverted scaling.
def variational_dropout_mask(batch_size, hidden_size, p, generator=None):
    keep = torch.bernoulli(torch.full((batch_size, hidden_size), 1.0 - p), generator=generator)
    return keep / (1.0 - p)
