# expect: 4 gates
# why: counts an RNN layer: forgets that there are four gates.
def lstm_param_count(input_size, hidden_size, num_layers=1, bidirectional=False):
    d = 2 if bidirectional else 1
    total = 0
    for layer in range(num_layers):
        n_in = input_size if layer == 0 else hidden_size * d
        total += d * (hidden_size * (n_in + hidden_size) + 2 * hidden_size)
    return total
