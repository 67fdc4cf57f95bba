# expect: h_last equals hs[:, 0]
# why: returns the first state instead of the last.
def rnn_forward(x, h0, W_xh, W_hh, b):
    h = h0
    states = []
    for t in range(x.shape[1]):
        h = rnn_cell_forward(x[:, t], h, W_xh, W_hh, b)
        states.append(h)
    hs = np.stack(states, axis=1)
    return hs, hs[:, 0]
