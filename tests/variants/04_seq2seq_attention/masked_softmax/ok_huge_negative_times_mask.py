# why: a -1e30 fill, then the mask zeroes fully masked rows.
def masked_softmax(scores, mask, dim=-1):
    allowed = torch.as_tensor(mask).bool()
    return torch.softmax(scores.masked_fill(~allowed, -1e30), dim=dim) * allowed
