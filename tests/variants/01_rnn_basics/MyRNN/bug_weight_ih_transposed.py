# expect: stored (out, in) as in PyTorch
# why: keeps nn.RNN's (out, in) shapes but multiplies x @ weight_ih without the transpose (runs only when input size = hidden size).
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
        seq, finals = x, []
        for l in range(self.num_layers):
            W_ih, W_hh = getattr(self, f"weight_ih_l{l}"), getattr(self, f"weight_hh_l{l}")
            bias = getattr(self, f"bias_ih_l{l}") + getattr(self, f"bias_hh_l{l}")
            h, steps = h0[l], []
            for t in range(x.shape[1]):
                h = torch.tanh(seq[:, t] @ W_ih + h @ W_hh.T + bias)
                steps.append(h)
            seq = torch.stack(steps, 1)
            finals.append(h)
        return seq, torch.stack(finals)
