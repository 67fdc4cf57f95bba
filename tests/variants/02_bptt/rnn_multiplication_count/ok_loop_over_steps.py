# why: adds the two products' costs step by step, in a loop over the steps.
def rnn_multiplication_count(seq_len, input_size, hidden_size):
    total = 0
    for _ in range(seq_len):
        total += hidden_size * input_size  # W_xh x_t: H dot products of length D
        total += hidden_size * hidden_size  # W_hh h_{t-1}: H dot products of length H
    return total
