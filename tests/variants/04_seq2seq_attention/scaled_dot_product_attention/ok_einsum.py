# why: einsum and torch.where.
def scaled_dot_product_attention(q, k, v, mask=None):
    scores = torch.einsum("...ld,...sd->...ls", q, k) / q.shape[-1] ** 0.5
    if mask is not None:
        allowed = torch.broadcast_to(torch.as_tensor(mask).bool(), scores.shape)
        scores = torch.where(allowed, scores, torch.full_like(scores, float("-inf")))
        weights = torch.softmax(scores, dim=-1)
        weights = torch.where(allowed.any(-1, keepdim=True), weights, torch.zeros_like(weights))
    else:
        weights = torch.softmax(scores, dim=-1)
    return torch.einsum("...ls,...sd->...ld", weights, v), weights
