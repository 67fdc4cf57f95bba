# why: keeps a cache of all states as one array and uses einsum for the sums over the batch.
def rnn_backward(dhs, x, h0, W_xh, W_hh, b):
    B, T, _ = x.shape
    H = W_hh.shape[0]
    states = np.zeros((B, T + 1, H))
    states[:, 0] = h0
    for t in range(T):
        states[:, t + 1] = np.tanh(x[:, t] @ W_xh.T + states[:, t] @ W_hh.T + b)
    deltas = np.zeros((B, T, H))
    carry = np.zeros((B, H))
    for t in range(T - 1, -1, -1):
        deltas[:, t] = (dhs[:, t] + carry) * (1 - states[:, t + 1] ** 2)
        carry = deltas[:, t] @ W_hh
    return {
        "x": deltas @ W_xh,
        "h0": carry,
        "W_xh": np.einsum("bth,btd->hd", deltas, x),
        "W_hh": np.einsum("bth,btk->hk", deltas, states[:, :-1]),
        "b": deltas.sum(axis=(0, 1)),
    }
