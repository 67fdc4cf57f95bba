# expect: not a whole number
# why: reports the count in millions of multiplications, as a profiler would.
def rnn_multiplication_count(seq_len, input_size, hidden_size):
    return seq_len * hidden_size * (input_size + hidden_size) / 1e6
