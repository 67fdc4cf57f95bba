# expect: counts W_xh x_t only
# why: forgets the recurrent product W_hh h_{t-1}.
def rnn_multiplication_count(seq_len, input_size, hidden_size):
    return seq_len * hidden_size * input_size
