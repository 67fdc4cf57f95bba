# why: nn.init.uniform_ on empty parameters, F.linear for the products, all inputs projected at once.
class MyRNN(nn.Module):
    def __init__(self, input_size, hidden_size, num_layers=1):
        super().__init__()
        self.hidden_size, self.num_layers = hidden_size, num_layers
        for layer in range(num_layers):
            fan_in = input_size if layer == 0 else hidden_size
            self.register_parameter(f"weight_ih_l{layer}", nn.Parameter(torch.empty(hidden_size, fan_in)))
            self.register_parameter(f"weight_hh_l{layer}", nn.Parameter(torch.empty(hidden_size, hidden_size)))
            self.register_parameter(f"bias_ih_l{layer}", nn.Parameter(torch.empty(hidden_size)))
            self.register_parameter(f"bias_hh_l{layer}", nn.Parameter(torch.empty(hidden_size)))
        bound = 1 / math.sqrt(hidden_size)
        for p in self.parameters():
            nn.init.uniform_(p, -bound, bound)

    def forward(self, x, h0=None):
        F = nn.functional
        if h0 is None:
            h0 = torch.zeros(self.num_layers, x.shape[0], self.hidden_size, dtype=x.dtype, device=x.device)
        seq, last = x, []
        for layer in range(self.num_layers):
            p = {name: getattr(self, f"{name}_l{layer}") for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")}
            drive = F.linear(seq, p["weight_ih"], p["bias_ih"])  # (B, T, H)
            h = h0[layer]
            outs = []
            for step in drive.unbind(1):
                h = torch.tanh(step + F.linear(h, p["weight_hh"], p["bias_hh"]))
                outs.append(h)
            seq = torch.stack(outs, 1)
            last.append(h)
        return seq, torch.stack(last, 0)
