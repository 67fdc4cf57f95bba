# expect: ignore the mask
# why: never uses the mask.
def attention_pool(states, query, mask=None):
    weights = torch.softmax(states @ query, dim=1)
    return (weights.unsqueeze(-1) * states).sum(dim=1), weights
