# expect: empty (B, 0, H) array and h_last is h0
# why: correct for T >= 1, but np.stack of the empty list fails when T = 0.
def rnn_forward(x, h0, W_xh, W_hh, b):
    h = h0
    states = []
    for t in range(x.shape[1]):
        h = rnn_cell_forward(x[:, t], h, W_xh, W_hh, b)
        states.append(h)
    return np.stack(states, axis=1), h
