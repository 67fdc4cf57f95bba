# expect: W_hh is (H, H)
# why: gives the recurrent product the input's size, D*D.
def rnn_multiplication_count(seq_len, input_size, hidden_size):
    return seq_len * (hidden_size * input_size + input_size * input_size)
