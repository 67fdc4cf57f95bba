# expect: generator argument
# why: ignores the generator.
def sample_with_temperature(logits, temperature, generator=None):
    probs = torch.softmax(logits / temperature, dim=-1)
    return int(torch.multinomial(probs, 1))
