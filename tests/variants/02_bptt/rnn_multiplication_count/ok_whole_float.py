# why: computes in floats and returns a whole-valued float.
def rnn_multiplication_count(seq_len, input_size, hidden_size):
    return float(seq_len) * hidden_size * (input_size + hidden_size)
