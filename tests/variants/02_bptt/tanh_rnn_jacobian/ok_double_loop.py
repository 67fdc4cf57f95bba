# why: entry by entry, J[i, j] = (1 - h_t[i]**2) * W_hh[i, j].
def tanh_rnn_jacobian(h_t, W_hh):
    H = len(h_t)
    J = np.zeros((H, H))
    for i in range(H):
        for j in range(H):
            J[i, j] = (1 - h_t[i] ** 2) * W_hh[i, j]
    return J
