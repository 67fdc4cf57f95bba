# expect: rows with no allowed position must be all zeros
# why: masks with -inf and leaves the rows with no allowed position as NaN (0 / 0).
def masked_softmax(scores, mask, dim=-1):
    return torch.softmax(scores.masked_fill(~torch.as_tensor(mask).bool(), float("-inf")), dim=dim)
