# why: the formula as written, with an explicit diagonal matrix.
def tanh_rnn_jacobian(h_t, W_hh):
    return np.diag(1.0 - np.square(h_t)) @ W_hh
