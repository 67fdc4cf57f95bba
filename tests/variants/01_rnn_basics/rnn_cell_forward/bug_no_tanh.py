# expect: apply np.tanh
# why: returns the pre-activation.
def rnn_cell_forward(x, h_prev, W_xh, W_hh, b):
    return x @ W_xh.T + h_prev @ W_hh.T + b
