# expect: overflows
# why: exponentiates without subtracting the max.
def sample_with_temperature(logits, temperature, generator=None):
    weights = torch.exp(logits.double() / temperature)
    return int(torch.multinomial(weights / weights.sum(), 1, generator=generator))
