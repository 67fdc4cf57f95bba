# expect: counts the additions (flops)
# why: counts the 2 flops of each multiply-add instead of the multiplications.
def rnn_multiplication_count(seq_len, input_size, hidden_size):
    return 2 * seq_len * hidden_size * (input_size + hidden_size)
