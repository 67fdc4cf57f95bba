# expect: all-zero weights
# why: fully masked queries give nan.
def scaled_dot_product_attention(q, k, v, mask=None):
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    if mask is not None:
        scores = scores.masked_fill(~torch.as_tensor(mask).bool(), float("-inf"))
    weights = torch.softmax(scores, dim=-1)
    return weights @ v, weights
