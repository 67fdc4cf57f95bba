# expect: element-wise work
# why: counts the matrix products and nothing else.
def lstm_forward_flops(input_size, hidden_size, seq_len):
    return seq_len * 8 * hidden_size * (input_size + hidden_size)
