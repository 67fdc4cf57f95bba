# expect: sum to 1
# why: zeroes masked weights after the softmax without renormalising.
def masked_softmax(scores, mask, dim=-1):
    return torch.softmax(scores, dim=dim) * torch.as_tensor(mask).to(scores.dtype)
