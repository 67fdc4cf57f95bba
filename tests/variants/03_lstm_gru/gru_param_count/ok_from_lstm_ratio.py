# why: a per-gate count times three, summed with a generator expression.
def gru_param_count(input_size, hidden_size, num_layers=1, bidirectional=False):
    d = 2 if bidirectional else 1
    def per_gate(n_in):
        return hidden_size * n_in + hidden_size ** 2 + 2 * hidden_size
    return sum(3 * d * per_gate(input_size if k == 0 else d * hidden_size) for k in range(num_layers))
