# expect: changed its argument h_prev
# why: writes the new state into h_prev to "save memory".
def rnn_cell_forward(x, h_prev, W_xh, W_hh, b):
    return np.tanh(x @ W_xh.T + h_prev @ W_hh.T + b, out=h_prev)
