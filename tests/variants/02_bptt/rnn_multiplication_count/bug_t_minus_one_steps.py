# expect: it counts T - 1 steps
# why: loops over range(1, seq_len), one step short.
def rnn_multiplication_count(seq_len, input_size, hidden_size):
    total = 0
    for _ in range(1, seq_len):
        total += hidden_size * input_size + hidden_size * hidden_size
    return total
