# expect: a multiply-add counts as 2 FLOPs
# why: counts each multiply-add of the gate products once.
def lstm_forward_flops(input_size, hidden_size, seq_len):
    d, h = input_size, hidden_size
    return seq_len * (4 * h * (d + h) + 8 * h)
