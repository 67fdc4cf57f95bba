# expect: stored (out, in) as in PyTorch
# why: writes the textbook's W_xh x with a batch in the rows: shapes clash when D != H.
def rnn_cell_forward(x, h_prev, W_xh, W_hh, b):
    return np.tanh(x @ W_xh + h_prev @ W_hh.T + b)
