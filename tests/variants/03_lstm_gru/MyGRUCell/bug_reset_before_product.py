# expect: reset the state before the product
# why: the original paper's candidate, W_hn (r * h), instead of PyTorch's r * (W_hn h + b_hn).
class MyGRUCell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        k = hidden_size ** -0.5
        self.hidden_size = hidden_size
        self.weight_ih = nn.Parameter(torch.empty(3 * hidden_size, input_size).uniform_(-k, k))
        self.weight_hh = nn.Parameter(torch.empty(3 * hidden_size, hidden_size).uniform_(-k, k))
        self.bias_ih = nn.Parameter(torch.empty(3 * hidden_size).uniform_(-k, k))
        self.bias_hh = nn.Parameter(torch.empty(3 * hidden_size).uniform_(-k, k))

    def forward(self, x, h=None):
        if h is None:
            h = x.new_zeros(x.shape[0], self.hidden_size)
        H = self.hidden_size
        x_r, x_z, x_n = (x @ self.weight_ih.T + self.bias_ih).chunk(3, 1)
        h_r, h_z, _ = (h @ self.weight_hh.T + self.bias_hh).chunk(3, 1)
        r, z = torch.sigmoid(x_r + h_r), torch.sigmoid(x_z + h_z)
        n = torch.tanh(x_n + (r * h) @ self.weight_hh[2 * H:].T + self.bias_hh[2 * H:])
        return (1 - z) * n + z * h
