# expect: blocks the past
# why: takes the strictly lower triangle, mixing up which index is the query.
def causal_mask(T):
    return torch.tril(torch.ones(T, T, dtype=torch.bool), diagonal=-1)
