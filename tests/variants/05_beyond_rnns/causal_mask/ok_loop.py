# why: fills a zero mask row by row with a Python loop.
def causal_mask(T):
    mask = torch.zeros(T, T, dtype=torch.bool)
    for i in range(T):
        mask[i, i + 1:] = True
    return mask
