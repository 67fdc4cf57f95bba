# why: closed form: first layer plus (L - 1) upper layers.
def lstm_param_count(input_size, hidden_size, num_layers=1, bidirectional=False):
    d, h = (2 if bidirectional else 1), hidden_size
    per_gate_first = h * input_size + h * h + 2 * h
    per_gate_upper = h * d * h + h * h + 2 * h
    return d * 4 * (per_gate_first + (num_layers - 1) * per_gate_upper)
