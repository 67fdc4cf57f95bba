# why: a forward cache dict of pre-activations; tanh'(a) computed as 1 - tanh(a)**2 from a, per step with np.outer sums.
def rnn_backward(dhs, x, h0, W_xh, W_hh, b):
    B, T, _ = x.shape
    cache = {"a": [], "h": [h0]}
    for t in range(T):
        a = x[:, t] @ W_xh.T + cache["h"][-1] @ W_hh.T + b
        cache["a"].append(a)
        cache["h"].append(np.tanh(a))
    dW_xh, dW_hh, db = np.zeros(W_xh.shape), np.zeros(W_hh.shape), np.zeros(b.shape)
    dx = np.zeros(x.shape)
    dh = np.zeros(h0.shape)
    for t in range(T - 1, -1, -1):
        dh = dh + dhs[:, t]
        da = dh * (1 - np.tanh(cache["a"][t]) ** 2)
        for n in range(B):
            dW_xh += np.outer(da[n], x[n, t])
            dW_hh += np.outer(da[n], cache["h"][t][n])
            db += da[n]
        dx[:, t] = da @ W_xh
        dh = da @ W_hh
    return {"x": dx, "h0": dh, "W_xh": dW_xh, "W_hh": dW_hh, "b": db}
