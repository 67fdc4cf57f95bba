# expect: draw with `generator`
# why: ignores the generator argument.
def generate_palindrome(length, generator=None):
    half = torch.randint(0, 10, ((length + 1) // 2,))
    return torch.cat([half, half[: length // 2].flip(0)])
