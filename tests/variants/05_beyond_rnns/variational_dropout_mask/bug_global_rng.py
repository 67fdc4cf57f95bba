# expect: with `generator`
# why: ignores the generator and draws from the global random state.
def variational_dropout_mask(batch_size, hidden_size, p, generator=None):
    return (torch.rand(batch_size, hidden_size) >= p).float() / (1 - p)
