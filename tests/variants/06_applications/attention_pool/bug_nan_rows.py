# expect: all-zero weights
# why: -inf masking without handling rows that are all padding: nan.
def attention_pool(states, query, mask=None):
    scores = states @ query
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    weights = torch.softmax(scores, dim=1)
    return (weights.unsqueeze(-1) * states).sum(dim=1), weights
