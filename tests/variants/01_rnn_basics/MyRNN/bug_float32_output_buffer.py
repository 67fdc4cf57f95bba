# expect: output is float32 but x is float64
# why: collects the states in a buffer made with torch.zeros, which is float32 whatever x's dtype is.
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
        B, T, _ = x.shape
        if h0 is None:
            h0 = x.new_zeros(self.num_layers, B, self.hidden_size)
        seq, finals = x, []
        for l in range(self.num_layers):
            W_ih, W_hh = getattr(self, f"weight_ih_l{l}"), getattr(self, f"weight_hh_l{l}")
            bias = getattr(self, f"bias_ih_l{l}") + getattr(self, f"bias_hh_l{l}")
            h, out = h0[l], torch.zeros(B, T, self.hidden_size)
            for t in range(T):
                h = torch.tanh(seq[:, t] @ W_ih.T + h @ W_hh.T + bias)
                out[:, t] = h
            seq = out
            finals.append(h)
        return seq, torch.stack(finals)
