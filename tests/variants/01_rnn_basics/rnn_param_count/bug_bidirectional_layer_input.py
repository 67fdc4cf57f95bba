# expect: reads both directions
# why: doubles for two directions but feeds upper layers hidden_size inputs only.
def rnn_param_count(input_size, hidden_size, num_layers=1, bidirectional=False):
    dirs = 2 if bidirectional else 1
    total = 0
    for layer in range(num_layers):
        inp = input_size if layer == 0 else hidden_size
        total += dirs * (hidden_size * inp + hidden_size * hidden_size + 2 * hidden_size)
    return total
