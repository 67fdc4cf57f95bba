# why: inverse CDF with one uniform draw.
def sample_with_temperature(logits, temperature, generator=None):
    probs = torch.softmax(torch.as_tensor(logits, dtype=torch.float64) / temperature, dim=-1)
    u = torch.rand(1, generator=generator, dtype=torch.float64)
    index = torch.searchsorted(torch.cumsum(probs, 0), u)
    return min(int(index), len(probs) - 1)
