# why: W maps the keys to the query size instead (the same bilinear form).
class LuongAttention(nn.Module):
    def __init__(self, query_dim, key_dim, score="dot"):
        super().__init__()
        if score not in ("dot", "general"):
            raise ValueError(score)
        if score == "dot" and query_dim != key_dim:
            raise ValueError("sizes differ")
        self.score = score
        if score == "general":
            self.W = nn.Linear(key_dim, query_dim, bias=False)

    def forward(self, query, keys, mask=None):
        projected_keys = self.W(keys) if self.score == "general" else keys
        scores = torch.einsum("bsq,bq->bs", projected_keys, query)
        if mask is not None:
            scores = scores.masked_fill(mask == 0, -1e30)
        weights = scores.softmax(dim=1)
        if mask is not None:
            weights = weights * (mask != 0)
        return torch.bmm(weights.unsqueeze(1), keys).squeeze(1), weights
