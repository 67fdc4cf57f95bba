# why: one example at a time with einsum, into a preallocated array.
def rnn_cell_forward(x, h_prev, W_xh, W_hh, b):
    h = np.empty((x.shape[0], W_hh.shape[0]), dtype=np.result_type(x, W_xh))
    for i in range(x.shape[0]):
        h[i] = np.tanh(np.einsum("hd,d->h", W_xh, x[i]) + np.einsum("hk,k->h", W_hh, h_prev[i]) + b)
    return h
