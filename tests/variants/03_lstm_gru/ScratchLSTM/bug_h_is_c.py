# expect: no gradient reaches
# why: passes c on as the hidden state and reads out tanh(c): the output gate is never used.
class ScratchLSTM(nn.Module):
    def __init__(self, input_dim, hidden_dim, num_classes):
        super().__init__()
        k = hidden_dim ** -0.5
        self.input_dim, self.hidden_dim = input_dim, hidden_dim
        for gate in "gifo":
            setattr(self, f"W_{gate}x", nn.Parameter(torch.empty(hidden_dim, input_dim).uniform_(-k, k)))
            setattr(self, f"W_{gate}h", nn.Parameter(torch.empty(hidden_dim, hidden_dim).uniform_(-k, k)))
            setattr(self, f"b_{gate}", nn.Parameter(torch.zeros(hidden_dim)))
        self.W_ph = nn.Parameter(torch.empty(num_classes, hidden_dim).uniform_(-k, k))
        self.b_p = nn.Parameter(torch.zeros(num_classes))

    def forward(self, x):
        xs = x.float().unsqueeze(-1) if self.input_dim == 1 else F.one_hot(x, self.input_dim).float()
        h = torch.zeros(x.shape[0], self.hidden_dim)
        c = torch.zeros_like(h)
        for t in range(x.shape[1]):
            pre = {q: xs[:, t] @ getattr(self, f"W_{q}x").T + h @ getattr(self, f"W_{q}h").T + getattr(self, f"b_{q}")
                   for q in "gif"}
            c = torch.tanh(pre["g"]) * torch.sigmoid(pre["i"]) + c * torch.sigmoid(pre["f"])
            h = c
        return torch.tanh(c) @ self.W_ph.T + self.b_p
