# expect: raised ValueError
# why: allocates hs with np.zeros_like(x), i.e. with D columns instead of H.
def rnn_forward(x, h0, W_xh, W_hh, b):
    hs = np.zeros_like(x)
    h = h0
    for t in range(x.shape[1]):
        h = rnn_cell_forward(x[:, t], h, W_xh, W_hh, b)
        hs[:, t] = h
    return hs, h
