# expect: rows with no allowed position must be all zeros
# why: masks with -inf and keeps the softmax as it is: a row with no allowed key is NaN.
class LuongAttention(nn.Module):
    def __init__(self, query_dim, key_dim, score="dot"):
        super().__init__()
        if score == "dot":
            if query_dim != key_dim:
                raise ValueError("'dot' scores need query_dim == key_dim")
        elif score == "general":
            self.W = nn.Linear(query_dim, key_dim, bias=False)
        else:
            raise ValueError(f"unknown score {score!r}")
        self.score = score

    def forward(self, query, keys, mask=None):
        projected = self.W(query) if self.score == "general" else query
        scores = (keys @ projected.unsqueeze(-1)).squeeze(-1)
        if mask is not None:
            scores = scores.masked_fill(~mask.bool(), float("-inf"))
        weights = torch.softmax(scores, dim=-1)
        return (weights.unsqueeze(1) @ keys).squeeze(1), weights
