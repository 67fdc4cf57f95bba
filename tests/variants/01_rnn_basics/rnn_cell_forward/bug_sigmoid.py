# expect: you used a sigmoid
# why: uses a sigmoid instead of tanh.
def rnn_cell_forward(x, h_prev, W_xh, W_hh, b):
    return 1.0 / (1.0 + np.exp(-(x @ W_xh.T + h_prev @ W_hh.T + b)))
