# expect: computed again at every one of the T steps
# why: counts W_hh h_{t-1} once, as if the recurrent product were not repeated per step.
def rnn_multiplication_count(seq_len, input_size, hidden_size):
    return seq_len * hidden_size * input_size + hidden_size * hidden_size
