# expect: in the order i, f, o, g
# why: chunks the gates as i, f, o, g.
class PeepholeLSTMCell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        k = hidden_size ** -0.5
        self.hidden_size = hidden_size
        self.weight_ih = nn.Parameter(torch.empty(4 * hidden_size, input_size).uniform_(-k, k))
        self.weight_hh = nn.Parameter(torch.empty(4 * hidden_size, hidden_size).uniform_(-k, k))
        self.bias_ih = nn.Parameter(torch.empty(4 * hidden_size).uniform_(-k, k))
        self.bias_hh = nn.Parameter(torch.empty(4 * hidden_size).uniform_(-k, k))
        self.w_ci = nn.Parameter(torch.zeros(hidden_size))
        self.w_cf = nn.Parameter(torch.zeros(hidden_size))
        self.w_co = nn.Parameter(torch.zeros(hidden_size))

    def forward(self, x, state=None):
        if state is None:
            state = (x.new_zeros(x.shape[0], self.hidden_size),) * 2
        h, c_prev = state
        a_i, a_f, a_o, a_g = (x @ self.weight_ih.T + self.bias_ih + h @ self.weight_hh.T + self.bias_hh).chunk(4, 1)
        i = torch.sigmoid(a_i + self.w_ci * c_prev)
        f = torch.sigmoid(a_f + self.w_cf * c_prev)
        c = f * c_prev + i * torch.tanh(a_g)
        o = torch.sigmoid(a_o + self.w_co * c)
        return o * torch.tanh(c), c
