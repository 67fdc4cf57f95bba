# expect: changed logits in place
# why: divides the caller's tensor in place.
def sample_with_temperature(logits, temperature, generator=None):
    logits /= temperature
    return int(torch.multinomial(torch.softmax(logits, dim=-1), 1, generator=generator))
