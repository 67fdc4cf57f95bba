# why: the textbook's column-vector form, transposed back to batch-first.
def rnn_cell_forward(x, h_prev, W_xh, W_hh, b):
    return np.tanh(W_xh @ x.T + W_hh @ h_prev.T + b[:, None]).T
