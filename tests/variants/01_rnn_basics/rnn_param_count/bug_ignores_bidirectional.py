# expect: one full set of weights per direction
# why: forgets the second direction.
def rnn_param_count(input_size, hidden_size, num_layers=1, bidirectional=False):
    total = 0
    for layer in range(num_layers):
        inp = input_size if layer == 0 else hidden_size
        total += hidden_size * inp + hidden_size * hidden_size + 2 * hidden_size
    return total
