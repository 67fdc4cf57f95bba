# expect: wrong orientation
# why: sends the gradient back with delta @ W_hh.T, as if the forward pass were h @ W_hh.
def rnn_backward(dhs, x, h0, W_xh, W_hh, b):
    T = x.shape[1]
    hs = [h0]
    for t in range(T):
        hs.append(np.tanh(x[:, t] @ W_xh.T + hs[-1] @ W_hh.T + b))
    g = {"x": np.zeros_like(x), "W_xh": np.zeros_like(W_xh), "W_hh": np.zeros_like(W_hh),
         "b": np.zeros_like(b)}
    dh_next = np.zeros_like(h0)
    for t in reversed(range(T)):
        delta = (dhs[:, t] + dh_next) * (1 - hs[t + 1] ** 2)
        g["W_xh"] += delta.T @ x[:, t]
        g["W_hh"] += delta.T @ hs[t]
        g["b"] += delta.sum(axis=0)
        g["x"][:, t] = delta @ W_xh
        dh_next = delta @ W_hh.T
    g["h0"] = dh_next
    return g
