# expect: miss the tanh
# why: drops the tanh.
class BahdanauAttention(nn.Module):
    def __init__(self, query_dim, key_dim, attn_dim):
        super().__init__()
        self.W_q = nn.Linear(query_dim, attn_dim, bias=False)
        self.W_k = nn.Linear(key_dim, attn_dim, bias=False)
        self.v = nn.Linear(attn_dim, 1, bias=False)

    def forward(self, query, keys, mask=None, projected_keys=None):
        if projected_keys is None:
            projected_keys = self.W_k(keys)
        scores = self.v(self.W_q(query).unsqueeze(1) + projected_keys).squeeze(-1)
        if mask is not None:
            scores = scores.masked_fill(~mask.bool(), float("-inf"))
        weights = torch.nan_to_num(torch.softmax(scores, dim=-1), nan=0.0)
        context = (weights.unsqueeze(1) @ keys).squeeze(1)
        return context, weights
