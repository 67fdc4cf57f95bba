# expect: draw every digit 0..9
# why: like a number, it never starts with 0 (and uses 1..9 throughout).
def generate_palindrome(length, generator=None):
    half = torch.randint(1, 10, ((length + 1) // 2,), generator=generator)
    return torch.cat([half, half[: length // 2].flip(0)])
