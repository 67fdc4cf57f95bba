# why: builds the digits in a Python list, then converts.
def generate_palindrome(length, generator=None):
    digits = torch.randint(0, 10, (length,), generator=generator).tolist()
    for k in range(length // 2):
        digits[length - 1 - k] = digits[k]
    return torch.tensor(digits, dtype=torch.long)
