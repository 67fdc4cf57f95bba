# expect: outside (-1, 1)
# why: a misplaced parenthesis: only the input term goes through tanh.
def rnn_cell_forward(x, h_prev, W_xh, W_hh, b):
    return np.tanh(x @ W_xh.T) + h_prev @ W_hh.T + b
