# expect: should be an int
# why: right count, returned as a float.
def lstm_forward_flops(input_size, hidden_size, seq_len):
    return 8.0 * seq_len * hidden_size * (input_size + hidden_size + 1)
