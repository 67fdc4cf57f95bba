# expect: W_hh h_0 is computed (and counted) even when h_0 = 0
# why: skips the recurrent product at the first step because h_0 is zero.
def rnn_multiplication_count(seq_len, input_size, hidden_size):
    return seq_len * hidden_size * input_size + max(seq_len - 1, 0) * hidden_size * hidden_size
