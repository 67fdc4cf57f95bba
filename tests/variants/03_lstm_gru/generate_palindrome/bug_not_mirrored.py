# expect: does not read the same backwards
# why: repeats the first half instead of mirroring it.
def generate_palindrome(length, generator=None):
    half = torch.randint(0, 10, ((length + 1) // 2,), generator=generator)
    return torch.cat([half, half[: length // 2]])
