# expect: in place
# why: masked_fill_ changes the caller's scores.
def masked_softmax(scores, mask, dim=-1):
    scores.masked_fill_(~torch.as_tensor(mask).bool(), float("-inf"))
    return torch.nan_to_num(torch.softmax(scores, dim=dim), nan=0.0)
