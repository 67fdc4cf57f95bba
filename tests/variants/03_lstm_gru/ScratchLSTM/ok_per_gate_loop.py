# why: one matrix product per gate and step, no fused matrices, forget bias 1.
class ScratchLSTM(nn.Module):
    def __init__(self, input_dim, hidden_dim, num_classes):
        super().__init__()
        self.input_dim, self.hidden_dim = input_dim, hidden_dim
        k = 1 / math.sqrt(hidden_dim)
        for gate in ("g", "i", "f", "o"):
            self.register_parameter(f"W_{gate}x", nn.Parameter(torch.empty(hidden_dim, input_dim).uniform_(-k, k)))
            self.register_parameter(f"W_{gate}h", nn.Parameter(torch.empty(hidden_dim, hidden_dim).uniform_(-k, k)))
            self.register_parameter(f"b_{gate}", nn.Parameter(torch.ones(hidden_dim) if gate == "f" else torch.zeros(hidden_dim)))
        self.W_ph = nn.Parameter(torch.empty(num_classes, hidden_dim).uniform_(-k, k))
        self.b_p = nn.Parameter(torch.zeros(num_classes))

    def pre(self, gate, x_t, h):
        return x_t @ getattr(self, f"W_{gate}x").T + h @ getattr(self, f"W_{gate}h").T + getattr(self, f"b_{gate}")

    def forward(self, x):
        xs = x.float().unsqueeze(-1) if self.input_dim == 1 else F.one_hot(x, self.input_dim).float()
        h = xs.new_zeros(x.shape[0], self.hidden_dim)
        c = torch.zeros_like(h)
        for t in range(x.shape[1]):
            g = torch.tanh(self.pre("g", xs[:, t], h))
            i, f, o = (torch.sigmoid(self.pre(q, xs[:, t], h)) for q in "ifo")
            c = g * i + c * f
            h = torch.tanh(c) * o
        return h @ self.W_ph.T + self.b_p
