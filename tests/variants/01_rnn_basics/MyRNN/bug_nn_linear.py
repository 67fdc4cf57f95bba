# expect: contains nn.Linear
# why: builds each layer from two nn.Linear modules (so the parameters are also named ih_l0.weight etc.).
class MyRNN(nn.Module):
    def __init__(self, input_size, hidden_size, num_layers=1):
        super().__init__()
        self.hidden_size, self.num_layers = hidden_size, num_layers
        for l in range(num_layers):
            n_in = input_size if l == 0 else hidden_size
            setattr(self, f"ih_l{l}", nn.Linear(n_in, hidden_size))
            setattr(self, f"hh_l{l}", nn.Linear(hidden_size, hidden_size))

    def forward(self, x, h0=None):
        if h0 is None:
            h0 = x.new_zeros(self.num_layers, x.shape[0], self.hidden_size)
        out, finals = x, []
        for l in range(self.num_layers):
            ih, hh = getattr(self, f"ih_l{l}"), getattr(self, f"hh_l{l}")
            h, steps = h0[l], []
            for t in range(x.shape[1]):
                h = torch.tanh(ih(out[:, t]) + hh(h))
                steps.append(h)
            out = torch.stack(steps, 1)
            finals.append(h)
        return out, torch.stack(finals)
