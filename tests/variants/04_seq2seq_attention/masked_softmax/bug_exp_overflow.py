# expect: subtract the largest allowed score
# why: exponentiates the raw scores: exp(1e4) overflows to inf and inf / inf is nan.
def masked_softmax(scores, mask, dim=-1):
    allowed = torch.as_tensor(mask).bool()
    e = torch.exp(scores) * allowed
    total = e.sum(dim=dim, keepdim=True)
    safe = torch.where(total > 0, total, torch.ones_like(total))
    return torch.where(total > 0, e / safe, torch.zeros_like(e))
