# A batched matrix product, and torch.where for rows with no valid position.
def attention_pool(states, query, mask=None):
    B, T, H = states.shape
    scores = torch.bmm(states, query.expand(B, H).unsqueeze(-1)).squeeze(-1)
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    weights = torch.softmax(scores, dim=-1)
    weights = torch.where(torch.isnan(weights), torch.zeros_like(weights), weights)
    pooled = torch.bmm(weights.unsqueeze(1), states).squeeze(1)
    return pooled, weights
