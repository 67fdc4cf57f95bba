# expect: including the first
# why: skips the recurrent product at the first step, since h_0 = 0.
def lstm_forward_flops(input_size, hidden_size, seq_len):
    d, h = input_size, hidden_size
    per_step = 2 * 4 * h * (d + h) + 8 * h
    return seq_len * per_step - 2 * 4 * h * h
