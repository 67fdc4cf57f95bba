# expect: bool tensor
# why: returns the additive float mask (0 and -inf) that generate_square_subsequent_mask gives.
def causal_mask(T):
    return torch.triu(torch.full((T, T), float("-inf")), diagonal=1)
