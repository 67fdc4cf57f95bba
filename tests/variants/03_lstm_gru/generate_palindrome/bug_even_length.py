# expect: odd and even lengths
# why: mirrors the whole first half around a middle digit, so even lengths come out one too long.
def generate_palindrome(length, generator=None):
    half = torch.randint(0, 10, (length // 2,), generator=generator)
    middle = torch.randint(0, 10, (1,), generator=generator)
    return torch.cat([half, middle, half.flip(0)])
