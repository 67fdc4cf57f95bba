# expect: the opposite
# why: marks with True the positions a query may attend to (the lower triangle), the convention of some other libraries.
def causal_mask(T):
    return torch.tril(torch.ones(T, T, dtype=torch.bool))
