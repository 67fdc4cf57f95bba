# expect: off-by-one
# why: stores the state before updating it, so hs holds h_0 .. h_{T-1}.
def rnn_forward(x, h0, W_xh, W_hh, b):
    B, T, _ = x.shape
    hs = np.zeros((B, T, W_hh.shape[0]))
    h = h0
    for t in range(T):
        hs[:, t] = h
        h = rnn_cell_forward(x[:, t], h, W_xh, W_hh, b)
    return hs, h
