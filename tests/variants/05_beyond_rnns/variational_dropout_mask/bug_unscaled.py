# expect: scale them
# why: a 0/1 mask without the inverted-dropout scaling.
def variational_dropout_mask(batch_size, hidden_size, p, generator=None):
    return (torch.rand(batch_size, hidden_size, generator=generator) >= p).float()
