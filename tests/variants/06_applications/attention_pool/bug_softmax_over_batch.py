# expect: over the batch
# why: softmax over dim 0.
def attention_pool(states, query, mask=None):
    scores = states @ query
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    weights = torch.nan_to_num(torch.softmax(scores, dim=0), nan=0.0)
    return (weights.unsqueeze(-1) * states).sum(dim=1), weights
