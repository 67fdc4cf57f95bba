# expect: did you add the bias
# why: forgets b.
def rnn_cell_forward(x, h_prev, W_xh, W_hh, b):
    return np.tanh(x @ W_xh.T + h_prev @ W_hh.T)
