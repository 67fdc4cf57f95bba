# expect: jacobian (H = 5) differs
# why: multiplies np.diag(1 - h**2) and W_hh element-wise (*) instead of a matrix product, keeping only the diagonal.
def tanh_rnn_jacobian(h_t, W_hh):
    return np.diag(1 - h_t ** 2) * W_hh
