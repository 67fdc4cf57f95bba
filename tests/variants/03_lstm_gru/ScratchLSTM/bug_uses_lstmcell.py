# expect: contains nn.LSTMCell
# why: uses torch's cell for the recurrence.
class ScratchLSTM(nn.Module):
    def __init__(self, input_dim, hidden_dim, num_classes):
        super().__init__()
        k = hidden_dim ** -0.5
        self.input_dim, self.hidden_dim = input_dim, hidden_dim
        self.cell = nn.LSTMCell(input_dim, hidden_dim, bias=False)
        self.b = nn.Parameter(torch.zeros(4 * hidden_dim))
        self.W_ph = nn.Parameter(torch.empty(num_classes, hidden_dim).uniform_(-k, k))
        self.b_p = nn.Parameter(torch.zeros(num_classes))

    def forward(self, x):
        xs = x.float().unsqueeze(-1) if self.input_dim == 1 else F.one_hot(x, self.input_dim).float()
        h = torch.zeros(x.shape[0], self.hidden_dim)
        c = torch.zeros_like(h)
        for t in range(x.shape[1]):
            h, c = self.cell(xs[:, t], (h, c))
        return h @ self.W_ph.T + self.b_p + 0 * self.b.sum()
