# expect: inverted
# why: masks the allowed positions.
def masked_softmax(scores, mask, dim=-1):
    weights = torch.softmax(scores.masked_fill(torch.as_tensor(mask).bool(), float("-inf")), dim=dim)
    return torch.nan_to_num(weights, nan=0.0)
