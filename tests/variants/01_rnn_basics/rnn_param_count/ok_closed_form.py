# why: a closed form instead of a loop over layers.
def rnn_param_count(input_size, hidden_size, num_layers=1, bidirectional=False):
    d, h, L = (2 if bidirectional else 1), hidden_size, num_layers
    first = h * input_size + h * h + 2 * h
    upper = h * d * h + h * h + 2 * h
    return int(d * (first + (L - 1) * upper))
