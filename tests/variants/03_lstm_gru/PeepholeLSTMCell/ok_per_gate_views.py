# why: per-gate views of the stacked weights, F.linear, split with explicit sizes and addcmul.
class PeepholeLSTMCell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.hidden_size = hidden_size
        k = 1.0 / math.sqrt(hidden_size)
        for name, shape in (("weight_ih", (4 * hidden_size, input_size)),
                            ("weight_hh", (4 * hidden_size, hidden_size)),
                            ("bias_ih", (4 * hidden_size,)), ("bias_hh", (4 * hidden_size,))):
            self.register_parameter(name, nn.Parameter(torch.rand(shape) * 2 * k - k))
        self.register_parameter("w_ci", nn.Parameter(torch.zeros(hidden_size)))
        self.register_parameter("w_cf", nn.Parameter(torch.zeros(hidden_size)))
        self.register_parameter("w_co", nn.Parameter(torch.zeros(hidden_size)))

    def _gate(self, k, x, h):
        H = self.hidden_size
        rows = slice(k * H, (k + 1) * H)
        return (F.linear(x, self.weight_ih[rows], self.bias_ih[rows])
                + F.linear(h, self.weight_hh[rows], self.bias_hh[rows]))

    def forward(self, x, state=None):
        B, H = x.shape[0], self.hidden_size
        if state is None:
            h = torch.zeros(B, H, dtype=x.dtype)
            c_prev = torch.zeros(B, H, dtype=x.dtype)
        else:
            h, c_prev = state
        i = torch.sigmoid(torch.addcmul(self._gate(0, x, h), self.w_ci, c_prev))
        f = torch.sigmoid(torch.addcmul(self._gate(1, x, h), self.w_cf, c_prev))
        g = torch.tanh(self._gate(2, x, h))
        c_new = torch.addcmul(f * c_prev, i, g)
        o = torch.sigmoid(torch.addcmul(self._gate(3, x, h), self.w_co, c_new))
        return o * torch.tanh(c_new), c_new
