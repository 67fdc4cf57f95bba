# expect: contains nn.Linear
# why: the output layer is an nn.Linear.
class ScratchRNN(nn.Module):
    def __init__(self, input_dim, hidden_dim, num_classes):
        super().__init__()
        k = hidden_dim ** -0.5
        self.input_dim, self.hidden_dim = input_dim, hidden_dim
        self.W_hx = nn.Parameter(torch.empty(hidden_dim, input_dim).uniform_(-k, k))
        self.W_hh = nn.Parameter(torch.empty(hidden_dim, hidden_dim).uniform_(-k, k))
        self.b_h = nn.Parameter(torch.zeros(hidden_dim))
        self.out = nn.Linear(hidden_dim, num_classes)

    def forward(self, x):
        xs = x.float().unsqueeze(-1) if self.input_dim == 1 else F.one_hot(x, self.input_dim).float()
        h = torch.zeros(x.shape[0], self.hidden_dim)
        for t in range(x.shape[1]):
            h = torch.tanh(xs[:, t] @ self.W_hx.T + h @ self.W_hh.T + self.b_h)
        return self.out(h)
