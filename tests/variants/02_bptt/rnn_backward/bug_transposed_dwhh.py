# expect: transposed
# why: writes the outer product the other way round, h_{t-1}.T @ delta_t.
def rnn_backward(dhs, x, h0, W_xh, W_hh, b):
    T = x.shape[1]
    hs = [h0]
    for t in range(T):
        hs.append(np.tanh(x[:, t] @ W_xh.T + hs[-1] @ W_hh.T + b))
    g = {"x": np.zeros_like(x), "W_xh": np.zeros_like(W_xh), "W_hh": np.zeros_like(W_hh),
         "b": np.zeros_like(b)}
    dnext = np.zeros_like(h0)
    for t in reversed(range(T)):
        delta = (dhs[:, t] + dnext) * (1 - hs[t + 1] ** 2)
        g["W_xh"] += delta.T @ x[:, t]
        g["W_hh"] += hs[t].T @ delta
        g["b"] += delta.sum(0)
        g["x"][:, t] = delta @ W_xh
        dnext = delta @ W_hh
    g["h0"] = dnext
    return g
