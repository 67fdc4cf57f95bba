# expect: the bias is added, not multiplied
# why: counts the bias as H more multiplications per step.
def rnn_multiplication_count(seq_len, input_size, hidden_size):
    return seq_len * (hidden_size * input_size + hidden_size * hidden_size + hidden_size)
