# expect: expected ValueError
# why: treats any unknown score as 'dot'.
class LuongAttention(nn.Module):
    def __init__(self, query_dim, key_dim, score="dot"):
        super().__init__()
        if score == "dot":
            if query_dim != key_dim:
                raise ValueError("dot needs equal sizes")
        elif score == "general":
            self.W = nn.Linear(query_dim, key_dim, bias=False)
        self.score = score

    def forward(self, query, keys, mask=None):
        projected = self.W(query) if self.score == "general" else query
        scores = (keys @ projected.unsqueeze(-1)).squeeze(-1)
        if mask is not None:
            scores = scores.masked_fill(~mask.bool(), float("-inf"))
        weights = torch.nan_to_num(torch.softmax(scores, dim=-1), nan=0.0)
        return (weights.unsqueeze(1) @ keys).squeeze(1), weights
