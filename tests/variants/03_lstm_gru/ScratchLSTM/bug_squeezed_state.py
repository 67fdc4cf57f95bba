# expect: no squeeze
# why: squeezes the state after every step, which breaks a single sequence or a single unit.
class ScratchLSTM(nn.Module):
    def __init__(self, input_dim, hidden_dim, num_classes):
        super().__init__()
        self.input_dim, self.hidden_dim = input_dim, hidden_dim
        k = 1 / math.sqrt(hidden_dim)
        for gate in ("g", "i", "f", "o"):
            setattr(self, f"W_{gate}x", nn.Parameter(torch.empty(hidden_dim, input_dim).uniform_(-k, k)))
            setattr(self, f"W_{gate}h", nn.Parameter(torch.empty(hidden_dim, hidden_dim).uniform_(-k, k)))
            setattr(self, f"b_{gate}", nn.Parameter(torch.full((hidden_dim,), 1.0 if gate == "f" else 0.0)))
        self.W_ph = nn.Parameter(torch.empty(num_classes, hidden_dim).uniform_(-k, k))
        self.b_p = nn.Parameter(torch.zeros(num_classes))

    def gate(self, name, x_t, h):
        return x_t @ getattr(self, f"W_{name}x").T + h @ getattr(self, f"W_{name}h").T + getattr(self, f"b_{name}")

    def forward(self, x):
        xs = x.float().unsqueeze(-1) if self.input_dim == 1 else F.one_hot(x, self.input_dim).float()
        h = c = torch.zeros(x.shape[0], self.hidden_dim)
        for t in range(x.shape[1]):
            g = torch.tanh(self.gate("g", xs[:, t], h))
            i, f, o = (torch.sigmoid(self.gate(q, xs[:, t], h)) for q in "ifo")
            c = (g * i + c * f).squeeze()
            h = (torch.tanh(c) * o).squeeze()
        return h @ self.W_ph.T + self.b_p
