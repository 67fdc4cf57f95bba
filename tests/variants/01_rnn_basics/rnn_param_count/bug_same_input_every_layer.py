# expect: previous layer's output
# why: every layer reads input_size features.
def rnn_param_count(input_size, hidden_size, num_layers=1, bidirectional=False):
    dirs = 2 if bidirectional else 1
    return dirs * num_layers * (hidden_size * input_size + hidden_size ** 2 + 2 * hidden_size)
