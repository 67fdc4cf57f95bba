# expect: rows with no allowed position must be all zeros
# why: masks with -inf and keeps the softmax as it is: a query with no allowed key gets NaN weights.
def scaled_dot_product_attention(q, k, v, mask=None):
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    if mask is not None:
        scores = scores.masked_fill(~torch.as_tensor(mask).bool(), float("-inf"))
    weights = torch.softmax(scores, dim=-1)
    return weights @ v, weights
