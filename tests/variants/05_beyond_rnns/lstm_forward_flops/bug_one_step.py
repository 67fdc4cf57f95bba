# expect: multiplies by seq_len
# why: the cost of one step only.
def lstm_forward_flops(input_size, hidden_size, seq_len):
    d, h = input_size, hidden_size
    return 2 * 4 * h * (d + h) + 8 * h
