# expect: mask the scores before the softmax
# why: zeroes the padded weights after the softmax without renormalising.
def attention_pool(states, query, mask=None):
    weights = torch.softmax(states @ query, dim=1)
    if mask is not None:
        weights = weights * mask
    return (weights.unsqueeze(-1) * states).sum(dim=1), weights
