# expect: dim=1
# why: always normalises the last axis.
def masked_softmax(scores, mask, dim=-1):
    weights = torch.softmax(scores.masked_fill(~torch.as_tensor(mask).bool(), float("-inf")), dim=-1)
    return torch.nan_to_num(weights, nan=0.0)
