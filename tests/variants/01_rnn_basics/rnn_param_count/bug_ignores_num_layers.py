# expect: the first layer only
# why: counts the first layer only, whatever num_layers is.
def rnn_param_count(input_size, hidden_size, num_layers=1, bidirectional=False):
    directions = 2 if bidirectional else 1
    return directions * (hidden_size * input_size + hidden_size * hidden_size + 2 * hidden_size)
