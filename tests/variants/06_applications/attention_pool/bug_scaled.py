# expect: sqrt(H)
# why: scales the scores as in scaled dot-product attention.
def attention_pool(states, query, mask=None):
    scores = states @ query / math.sqrt(states.shape[-1])
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    weights = torch.nan_to_num(torch.softmax(scores, dim=1), nan=0.0)
    return (weights.unsqueeze(-1) * states).sum(dim=1), weights
