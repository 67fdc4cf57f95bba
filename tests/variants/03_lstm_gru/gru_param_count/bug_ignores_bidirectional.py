# expect: one full set of weights per direction
# why: ignores the second direction.
def gru_param_count(input_size, hidden_size, num_layers=1, bidirectional=False):
    total = 0
    for layer in range(num_layers):
        n_in = input_size if layer == 0 else hidden_size
        total += 3 * (hidden_size * (n_in + hidden_size) + 2 * hidden_size)
    return total
