# expect: not the input x
# why: believes every layer reads x: gives every layer input_size inputs and feeds it x.
class MyRNN(nn.Module):
    def __init__(self, input_size, hidden_size, num_layers=1):
        super().__init__()
        self.hidden_size, self.num_layers = hidden_size, num_layers
        k = 1 / math.sqrt(hidden_size)
        for l in range(num_layers):
            setattr(self, f"weight_ih_l{l}", nn.Parameter(torch.empty(hidden_size, input_size).uniform_(-k, k)))
            setattr(self, f"weight_hh_l{l}", nn.Parameter(torch.empty(hidden_size, hidden_size).uniform_(-k, k)))
            setattr(self, f"bias_ih_l{l}", nn.Parameter(torch.empty(hidden_size).uniform_(-k, k)))
            setattr(self, f"bias_hh_l{l}", nn.Parameter(torch.empty(hidden_size).uniform_(-k, k)))

    def forward(self, x, h0=None):
        if h0 is None:
            h0 = x.new_zeros(self.num_layers, x.shape[0], self.hidden_size)
        out, finals = x, []
        for l in range(self.num_layers):
            h, steps = h0[l], []
            for t in range(x.shape[1]):
                h = torch.tanh(x[:, t] @ getattr(self, f"weight_ih_l{l}").T + getattr(self, f"bias_ih_l{l}")
                               + h @ getattr(self, f"weight_hh_l{l}").T + getattr(self, f"bias_hh_l{l}"))
                steps.append(h)
            out = torch.stack(steps, 1)
            finals.append(h)
        return out, torch.stack(finals)
