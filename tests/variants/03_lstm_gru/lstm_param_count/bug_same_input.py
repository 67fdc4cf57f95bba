# expect: previous layer's output
# why: every layer reads input_size features.
def lstm_param_count(input_size, hidden_size, num_layers=1, bidirectional=False):
    d = 2 if bidirectional else 1
    return d * num_layers * 4 * (hidden_size * (input_size + hidden_size) + 2 * hidden_size)
