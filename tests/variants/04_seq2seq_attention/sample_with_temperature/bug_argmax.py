# expect: argmax
# why: always returns the most likely index.
def sample_with_temperature(logits, temperature, generator=None):
    return int(torch.argmax(logits / temperature))
