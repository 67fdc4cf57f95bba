# expect: nan
# why: fills with -inf and leaves fully masked rows as nan.
def masked_softmax(scores, mask, dim=-1):
    return torch.softmax(scores.masked_fill(~torch.as_tensor(mask).bool(), float("-inf")), dim=dim)
