# expect: one bias vector
# why: the textbook count, one bias per layer.
def rnn_param_count(input_size, hidden_size, num_layers=1, bidirectional=False):
    dirs = 2 if bidirectional else 1
    total = 0
    for layer in range(num_layers):
        inp = input_size if layer == 0 else hidden_size * dirs
        total += dirs * (hidden_size * inp + hidden_size * hidden_size + hidden_size)
    return total
