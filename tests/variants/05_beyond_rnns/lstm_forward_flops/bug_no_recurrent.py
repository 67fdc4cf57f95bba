# expect: recurrent weights
# why: forgets the product of W_hh with h_(t-1).
def lstm_forward_flops(input_size, hidden_size, seq_len):
    d, h = input_size, hidden_size
    return seq_len * (2 * 4 * h * d + 8 * h)
