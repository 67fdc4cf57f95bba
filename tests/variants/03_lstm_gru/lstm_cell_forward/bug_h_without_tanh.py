# expect: h = o * tanh(c)
# why: exposes the raw cell state, h = o * c.
def lstm_cell_forward(x, h_prev, c_prev, W_ih, W_hh, b_ih, b_hh):
    sig = lambda z: 0.5 * (1 + np.tanh(0.5 * z))  # noqa: E731
    i, f, g, o = np.split(x @ W_ih.T + b_ih + h_prev @ W_hh.T + b_hh, 4, axis=1)
    c = sig(f) * c_prev + sig(i) * np.tanh(g)
    return sig(o) * c, c
