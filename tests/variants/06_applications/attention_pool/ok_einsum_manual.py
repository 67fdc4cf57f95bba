# einsum and a hand-written softmax, masked by multiplication.
def attention_pool(states, query, mask=None):
    scores = torch.einsum("bth,h->bt", states, query)
    valid = torch.ones_like(scores, dtype=torch.bool) if mask is None else mask
    shifted = scores - scores.masked_fill(~valid, -1e30).max(dim=1, keepdim=True).values.clamp(min=-1e30)
    e = torch.exp(shifted.masked_fill(~valid, 0.0)) * valid
    total = e.sum(dim=1, keepdim=True)
    weights = torch.where(total > 0, e / total.clamp(min=1e-300), torch.zeros_like(e))
    pooled = torch.einsum("bt,bth->bh", weights, states)
    return pooled, weights
