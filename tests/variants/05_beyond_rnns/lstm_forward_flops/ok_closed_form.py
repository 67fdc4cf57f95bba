# why: the closed form 8 T h (d + h + 1), summed step by step.
def lstm_forward_flops(input_size, hidden_size, seq_len):
    total = 0
    for _ in range(seq_len):
        total += 8 * hidden_size * (input_size + hidden_size + 1)
    return total
