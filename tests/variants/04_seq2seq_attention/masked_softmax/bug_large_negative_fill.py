# expect: no allowed position
# why: fills with -1e9: fully masked rows become uniform.
def masked_softmax(scores, mask, dim=-1):
    return torch.softmax(scores.masked_fill(~torch.as_tensor(mask).bool(), -1e9), dim=dim)
