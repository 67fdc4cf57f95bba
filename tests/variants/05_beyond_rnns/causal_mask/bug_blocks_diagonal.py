# expect: attend to itself
# why: uses torch.triu without the offset, which blocks the diagonal too.
def causal_mask(T):
    return torch.triu(torch.ones(T, T, dtype=torch.bool))
