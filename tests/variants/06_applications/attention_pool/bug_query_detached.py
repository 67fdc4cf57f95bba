# expect: no gradient reaches query
# why: detaches the query, so it is never learned.
def attention_pool(states, query, mask=None):
    scores = states @ query.detach()
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    weights = torch.nan_to_num(torch.softmax(scores, dim=1), nan=0.0)
    return (weights.unsqueeze(-1) * states).sum(dim=1), weights
