# why: iterates over the time-major view of x and fills a float64 array of zeros; h_last is the loop's state (h0 for T = 0).
def rnn_forward(x, h0, W_xh, W_hh, b):
    hs = np.zeros((x.shape[0], x.shape[1], h0.shape[1]))
    h = h0.copy()
    for t, x_t in enumerate(np.moveaxis(x, 1, 0)):
        h = rnn_cell_forward(x_t, h, W_xh, W_hh, b)
        hs[:, t, :] = h
    return hs, h
