# why: slices each gate's rows out of the fused parameters and uses torch.lerp for the blend.
class MyGRUCell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.hidden_size = hidden_size
        k = 1 / math.sqrt(hidden_size)
        self.weight_ih = nn.Parameter(torch.empty(3 * hidden_size, input_size).uniform_(-k, k))
        self.weight_hh = nn.Parameter(torch.empty(3 * hidden_size, hidden_size).uniform_(-k, k))
        self.bias_ih = nn.Parameter(torch.empty(3 * hidden_size).uniform_(-k, k))
        self.bias_hh = nn.Parameter(torch.empty(3 * hidden_size).uniform_(-k, k))

    def gate(self, k, x, h):
        rows = slice(k * self.hidden_size, (k + 1) * self.hidden_size)
        return (x @ self.weight_ih[rows].T + self.bias_ih[rows],
                h @ self.weight_hh[rows].T + self.bias_hh[rows])

    def forward(self, x, h=None):
        h = x.new_zeros(x.shape[0], self.hidden_size) if h is None else h
        r = torch.sigmoid(sum(self.gate(0, x, h)))
        z = torch.sigmoid(sum(self.gate(1, x, h)))
        x_n, h_n = self.gate(2, x, h)
        n = torch.tanh(x_n + r * h_n)
        return torch.lerp(n, h, z)
