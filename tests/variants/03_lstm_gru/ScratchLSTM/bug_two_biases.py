# expect: the equations of this section give
# why: gives every gate two biases, PyTorch-style, where the equations have one.
class ScratchLSTM(nn.Module):
    def __init__(self, input_dim, hidden_dim, num_classes):
        super().__init__()
        k = hidden_dim ** -0.5
        self.input_dim, self.hidden_dim = input_dim, hidden_dim
        self.W_x = nn.Parameter(torch.empty(4 * hidden_dim, input_dim).uniform_(-k, k))
        self.W_h = nn.Parameter(torch.empty(4 * hidden_dim, hidden_dim).uniform_(-k, k))
        self.b_x = nn.Parameter(torch.zeros(4 * hidden_dim))
        self.b_h = nn.Parameter(torch.zeros(4 * hidden_dim))
        self.W_ph = nn.Parameter(torch.empty(num_classes, hidden_dim).uniform_(-k, k))
        self.b_p = nn.Parameter(torch.zeros(num_classes))

    def forward(self, x):
        xs = x.float().unsqueeze(-1) if self.input_dim == 1 else F.one_hot(x, self.input_dim).float()
        h = torch.zeros(x.shape[0], self.hidden_dim)
        c = torch.zeros_like(h)
        for t in range(x.shape[1]):
            g, i, f, o = (xs[:, t] @ self.W_x.T + self.b_x + h @ self.W_h.T + self.b_h).chunk(4, 1)
            c = torch.tanh(g) * torch.sigmoid(i) + c * torch.sigmoid(f)
            h = torch.tanh(c) * torch.sigmoid(o)
        return h @ self.W_ph.T + self.b_p
