# expect: one-hot digits
# why: always reads a digit as one number, whatever input_dim says.
class ScratchRNN(nn.Module):
    def __init__(self, input_dim, hidden_dim, num_classes):
        super().__init__()
        k = hidden_dim ** -0.5
        self.hidden_dim = hidden_dim
        self.W_hx = nn.Parameter(torch.empty(hidden_dim, input_dim).uniform_(-k, k))
        self.W_hh = nn.Parameter(torch.empty(hidden_dim, hidden_dim).uniform_(-k, k))
        self.b_h = nn.Parameter(torch.zeros(hidden_dim))
        self.W_ph = nn.Parameter(torch.empty(num_classes, hidden_dim).uniform_(-k, k))
        self.b_p = nn.Parameter(torch.zeros(num_classes))

    def forward(self, x):
        xs = x.float().unsqueeze(-1)
        h = torch.zeros(x.shape[0], self.hidden_dim)
        for t in range(x.shape[1]):
            h = torch.tanh(xs[:, t] @ self.W_hx.T + h @ self.W_hh.T + self.b_h)
        return h @ self.W_ph.T + self.b_p
