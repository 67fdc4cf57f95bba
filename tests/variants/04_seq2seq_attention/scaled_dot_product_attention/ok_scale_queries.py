# why: scales the queries first and multiplies the mask back in.
def scaled_dot_product_attention(q, k, v, mask=None):
    scores = (q / math.sqrt(q.size(-1))) @ k.transpose(-1, -2)
    if mask is None:
        weights = scores.softmax(-1)
    else:
        allowed = torch.as_tensor(mask).bool()
        weights = scores.masked_fill(~allowed, -1e30).softmax(-1) * allowed
    return torch.matmul(weights, v), weights
