# expect: differs from the reference
# why: 1 - h instead of 1 - h**2.
def tanh_rnn_jacobian(h_t, W_hh):
    return np.diag(1 - h_t) @ W_hh
