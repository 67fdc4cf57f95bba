# expect: layer 1 received the input x
# why: the parameters have nn.RNN's shapes, but forward feeds x, not the previous layer's outputs, to every layer.
class MyRNN(nn.Module):
    def __init__(self, input_size, hidden_size, num_layers=1):
        super().__init__()
        self.hidden_size, self.num_layers = hidden_size, num_layers
        k = 1 / math.sqrt(hidden_size)
        for l in range(num_layers):
            n_in = input_size if l == 0 else hidden_size
            setattr(self, f"weight_ih_l{l}", nn.Parameter(torch.empty(hidden_size, n_in).uniform_(-k, k)))
            setattr(self, f"weight_hh_l{l}", nn.Parameter(torch.empty(hidden_size, hidden_size).uniform_(-k, k)))
            setattr(self, f"bias_ih_l{l}", nn.Parameter(torch.empty(hidden_size).uniform_(-k, k)))
            setattr(self, f"bias_hh_l{l}", nn.Parameter(torch.empty(hidden_size).uniform_(-k, k)))

    def forward(self, x, h0=None):
        if h0 is None:
            h0 = x.new_zeros(self.num_layers, x.shape[0], self.hidden_size)
        finals = []
        for l in range(self.num_layers):
            W_ih, W_hh = getattr(self, f"weight_ih_l{l}"), getattr(self, f"weight_hh_l{l}")
            bias = getattr(self, f"bias_ih_l{l}") + getattr(self, f"bias_hh_l{l}")
            h, steps = h0[l], []
            for t in range(x.shape[1]):
                h = torch.tanh(x[:, t] @ W_ih.T + h @ W_hh.T + bias)
                steps.append(h)
            finals.append(h)
        return torch.stack(steps, 1), torch.stack(finals)
