# expect: 1 - h_t**2
# why: uses 1 - a**2 with the pre-activation a instead of 1 - h**2.
def rnn_backward(dhs, x, h0, W_xh, W_hh, b):
    T = x.shape[1]
    hs, pre = [h0], []
    for t in range(T):
        pre.append(x[:, t] @ W_xh.T + hs[-1] @ W_hh.T + b)
        hs.append(np.tanh(pre[-1]))
    g = {"x": np.zeros_like(x), "W_xh": np.zeros_like(W_xh), "W_hh": np.zeros_like(W_hh),
         "b": np.zeros_like(b)}
    dnext = np.zeros_like(h0)
    for t in reversed(range(T)):
        delta = (dhs[:, t] + dnext) * (1 - pre[t] ** 2)
        g["W_xh"] += delta.T @ x[:, t]
        g["W_hh"] += delta.T @ hs[t]
        g["b"] += delta.sum(0)
        g["x"][:, t] = delta @ W_xh
        dnext = delta @ W_hh
    g["h0"] = dnext
    return g
