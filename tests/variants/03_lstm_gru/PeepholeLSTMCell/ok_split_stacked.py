# why: one stacked peephole product for i and f, torch.split with a list of sizes, state unpacked late.
class PeepholeLSTMCell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.hidden_size = hidden_size
        bound = hidden_size ** -0.5
        self.weight_ih = nn.Parameter(torch.empty(4 * hidden_size, input_size))
        self.weight_hh = nn.Parameter(torch.empty(4 * hidden_size, hidden_size))
        self.bias_ih = nn.Parameter(torch.empty(4 * hidden_size))
        self.bias_hh = nn.Parameter(torch.empty(4 * hidden_size))
        with torch.no_grad():
            for p in (self.weight_ih, self.weight_hh, self.bias_ih, self.bias_hh):
                nn.init.uniform_(p, -bound, bound)
        self.w_ci, self.w_cf, self.w_co = (nn.Parameter(torch.zeros(hidden_size)) for _ in range(3))

    def forward(self, x, state=None):
        H = self.hidden_size
        if state is None:
            state = (torch.zeros(x.shape[0], H, dtype=x.dtype), torch.zeros(x.shape[0], H, dtype=x.dtype))
        pre = torch.cat([x, state[0]], dim=1) @ torch.cat([self.weight_ih, self.weight_hh], dim=1).T
        pre = pre + self.bias_ih + self.bias_hh
        i_f, a_g, a_o = torch.split(pre, [2 * H, H, H], dim=1)
        c_prev = state[1]
        i, f = torch.sigmoid(i_f + torch.cat([self.w_ci, self.w_cf]) * c_prev.repeat(1, 2)).split(H, dim=1)
        c = f * c_prev + i * torch.tanh(a_g)
        h = torch.sigmoid(a_o + self.w_co * c) * torch.tanh(c)
        return h, c
