# expect: scale the rows
# why: W_hh @ diag(1 - h**2): the derivative multiplies the columns.
def tanh_rnn_jacobian(h_t, W_hh):
    return W_hh @ np.diag(1 - h_t ** 2)
