# why: nn.Parameter matrices instead of nn.Linear, with einsum.
class BahdanauAttention(nn.Module):
    def __init__(self, query_dim, key_dim, attn_dim):
        super().__init__()
        self.W_q = nn.Parameter(torch.randn(attn_dim, query_dim) / query_dim ** 0.5)
        self.W_k = nn.Parameter(torch.randn(attn_dim, key_dim) / key_dim ** 0.5)
        self.v = nn.Parameter(torch.randn(attn_dim) / attn_dim ** 0.5)

    def forward(self, query, keys, mask=None, projected_keys=None):
        if projected_keys is None:
            projected_keys = torch.einsum("bsk,ak->bsa", keys, self.W_k)
        hidden = torch.tanh(torch.einsum("bq,aq->ba", query, self.W_q)[:, None] + projected_keys)
        scores = hidden @ self.v
        if mask is not None:
            scores = torch.where(mask.bool(), scores, torch.full_like(scores, -1e30))
        weights = torch.softmax(scores, dim=1)
        if mask is not None:
            weights = weights * mask.bool()
        return torch.einsum("bs,bsk->bk", weights, keys), weights
