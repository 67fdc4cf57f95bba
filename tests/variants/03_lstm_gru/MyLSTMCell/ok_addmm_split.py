# why: torch.addmm and split with explicit sizes; parameters registered with register_parameter.
class MyLSTMCell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.hidden_size = hidden_size
        k = 1.0 / math.sqrt(hidden_size)
        for name, shape in (("weight_ih", (4 * hidden_size, input_size)),
                            ("weight_hh", (4 * hidden_size, hidden_size)),
                            ("bias_ih", (4 * hidden_size,)), ("bias_hh", (4 * hidden_size,))):
            self.register_parameter(name, nn.Parameter(torch.rand(shape) * 2 * k - k))

    def forward(self, x, state=None):
        B, H = x.shape[0], self.hidden_size
        h, c = state if state is not None else (x.new_zeros(B, H), x.new_zeros(B, H))
        z = torch.addmm(self.bias_ih, x, self.weight_ih.t()) + torch.addmm(self.bias_hh, h, self.weight_hh.t())
        i, f, g, o = torch.split(z, H, dim=1)
        c_new = f.sigmoid() * c + i.sigmoid() * g.tanh()
        return o.sigmoid() * c_new.tanh(), c_new
