# why: exp of shifted scores, multiplied by the mask, normalised.
def masked_softmax(scores, mask, dim=-1):
    allowed = torch.as_tensor(mask).bool()
    shifted = scores.masked_fill(~allowed, float("-inf"))
    top = shifted.amax(dim=dim, keepdim=True)
    top = torch.where(torch.isfinite(top), top, torch.zeros_like(top))
    e = torch.exp(shifted - top) * allowed
    return e / e.sum(dim=dim, keepdim=True).clamp_min(torch.finfo(e.dtype).tiny)
