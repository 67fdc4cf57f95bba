# expect: uses W_hh.T
# why: the textbook-style transpose slips in.
def tanh_rnn_jacobian(h_t, W_hh):
    return np.diag(1 - h_t ** 2) @ W_hh.T
