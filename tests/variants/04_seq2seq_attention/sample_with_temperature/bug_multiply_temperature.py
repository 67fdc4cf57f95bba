# expect: multiplied the logits by the temperature
# why: multiplies instead of dividing.
def sample_with_temperature(logits, temperature, generator=None):
    probs = torch.softmax(logits * temperature, dim=-1)
    return int(torch.multinomial(probs, 1, generator=generator))
