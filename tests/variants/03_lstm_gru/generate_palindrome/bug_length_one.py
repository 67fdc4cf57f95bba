# expect: generate_palindrome(1)
# why: mirrors with a backwards slice whose start, length // 2 - 1, is -1 for length 1, so the
# single digit comes back twice.
def generate_palindrome(length, generator=None):
    half = torch.randint(0, 10, ((length + 1) // 2,), generator=generator).tolist()
    return torch.tensor(half + half[length // 2 - 1::-1], dtype=torch.long)
