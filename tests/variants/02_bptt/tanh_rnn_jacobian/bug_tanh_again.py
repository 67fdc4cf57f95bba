# expect: applied tanh to h_t again
# why: uses 1 - tanh(h_t)**2 although h_t is already a tanh output.
def tanh_rnn_jacobian(h_t, W_hh):
    return np.diag(1 - np.tanh(h_t) ** 2) @ W_hh
