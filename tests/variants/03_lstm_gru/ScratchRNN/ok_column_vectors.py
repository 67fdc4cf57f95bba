# why: the column-vector form of the equations, W h + b with states as (H, B) columns.
class ScratchRNN(nn.Module):
    def __init__(self, input_dim, hidden_dim, num_classes):
        super().__init__()
        self.input_dim = input_dim
        std = 1 / math.sqrt(hidden_dim)
        self.W_hx = nn.Parameter(torch.randn(hidden_dim, input_dim) * std)
        self.W_hh = nn.Parameter(torch.randn(hidden_dim, hidden_dim) * std)
        self.b_h = nn.Parameter(torch.zeros(hidden_dim, 1))
        self.W_ph = nn.Parameter(torch.randn(num_classes, hidden_dim) * std)
        self.b_p = nn.Parameter(torch.zeros(num_classes, 1))

    def forward(self, x):
        if self.input_dim == 1:
            xs = x.float().unsqueeze(1)  # (B, 1, T)
        else:
            xs = F.one_hot(x, self.input_dim).float().transpose(1, 2)  # (B, D, T)
        h = torch.zeros(self.W_hh.shape[0], x.shape[0])
        for t in range(x.shape[1]):
            h = torch.tanh(self.W_hx @ xs[:, :, t].T + self.W_hh @ h + self.b_h)
        return (self.W_ph @ h + self.b_p).T
