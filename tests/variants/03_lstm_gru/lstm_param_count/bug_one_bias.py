# expect: one bias per gate
# why: the textbook count.
def lstm_param_count(input_size, hidden_size, num_layers=1, bidirectional=False):
    d = 2 if bidirectional else 1
    total = 0
    for layer in range(num_layers):
        n_in = input_size if layer == 0 else hidden_size * d
        total += d * 4 * (hidden_size * (n_in + hidden_size) + hidden_size)
    return total
