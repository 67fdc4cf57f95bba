# why: loops over time outside and layers inside, with register_parameter and F-free math.
class MyRNN(nn.Module):
    def __init__(self, input_size, hidden_size, num_layers=1):
        super().__init__()
        self.hidden_size, self.num_layers = hidden_size, num_layers
        bound = hidden_size ** -0.5
        for layer in range(num_layers):
            fan_in = input_size if layer == 0 else hidden_size
            for name, shape in ((f"weight_ih_l{layer}", (hidden_size, fan_in)),
                                (f"weight_hh_l{layer}", (hidden_size, hidden_size)),
                                (f"bias_ih_l{layer}", (hidden_size,)),
                                (f"bias_hh_l{layer}", (hidden_size,))):
                self.register_parameter(name, nn.Parameter(2 * bound * torch.rand(shape) - bound))

    def layer_parameters(self, layer):
        names = ("weight_ih", "weight_hh", "bias_ih", "bias_hh")
        return [getattr(self, f"{name}_l{layer}") for name in names]

    def forward(self, x, h0=None):
        B, T, _ = x.shape
        hs = list(h0) if h0 is not None else [x.new_zeros(B, self.hidden_size)] * self.num_layers
        outputs = []
        for t in range(T):
            inp = x[:, t]
            for layer in range(self.num_layers):
                w_ih, w_hh, b_ih, b_hh = self.layer_parameters(layer)
                hs[layer] = torch.tanh(torch.addmm(b_ih, inp, w_ih.t())
                                       + torch.addmm(b_hh, hs[layer], w_hh.t()))
                inp = hs[layer]
            outputs.append(inp)
        return torch.stack(outputs, dim=1), torch.stack(hs)
