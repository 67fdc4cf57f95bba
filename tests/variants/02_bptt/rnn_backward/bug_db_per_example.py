# expect: has shape
# why: accumulates db as a (B, H) array of per-example deltas and never sums over the batch.
def rnn_backward(dhs, x, h0, W_xh, W_hh, b):
    T = x.shape[1]
    hs = [h0]
    for t in range(T):
        hs.append(np.tanh(x[:, t] @ W_xh.T + hs[-1] @ W_hh.T + b))
    dx = np.zeros_like(x)
    dW_xh, dW_hh, db = np.zeros_like(W_xh), np.zeros_like(W_hh), np.zeros_like(h0)
    dh_next = np.zeros_like(h0)
    for t in reversed(range(T)):
        delta = (dhs[:, t] + dh_next) * (1 - hs[t + 1] ** 2)
        dW_xh += delta.T @ x[:, t]
        dW_hh += delta.T @ hs[t]
        db += delta
        dx[:, t] = delta @ W_xh
        dh_next = delta @ W_hh
    return {"x": dx, "h0": dh_next, "W_xh": dW_xh, "W_hh": dW_hh, "b": db}
