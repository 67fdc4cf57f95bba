# expect: does not depend on h0
# why: starts from zeros whatever h0 is.
def rnn_forward(x, h0, W_xh, W_hh, b):
    B, T, _ = x.shape
    h = np.zeros((B, W_hh.shape[0]))
    states = []
    for t in range(T):
        h = rnn_cell_forward(x[:, t], h, W_xh, W_hh, b)
        states.append(h)
    return np.stack(states, axis=1), h
