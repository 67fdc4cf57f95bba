# expect: wrong way round
# why: uses h_prev @ W_hh; the shapes fit because W_hh is square.
def rnn_cell_forward(x, h_prev, W_xh, W_hh, b):
    return np.tanh(x @ W_xh.T + h_prev @ W_hh + b)
