# expect: W_hh in the wrong orientation
# why: writes the carry in column form as W_hh @ delta.T (it should be W_hh.T @ delta.T), so the gradient goes back through W_hh.T.
def rnn_backward(dhs, x, h0, W_xh, W_hh, b):
    B, T, _ = x.shape
    states = [h0]
    for t in range(T):
        states.append(np.tanh(x[:, t] @ W_xh.T + states[-1] @ W_hh.T + b))
    dx = np.zeros(x.shape)
    dW_xh, dW_hh, db = np.zeros(W_xh.shape), np.zeros(W_hh.shape), np.zeros(b.shape)
    carry = np.zeros(h0.shape)
    for t in range(T - 1, -1, -1):
        delta = (dhs[:, t] + carry) * (1.0 - states[t + 1] ** 2)
        dW_xh += delta.T @ x[:, t]
        dW_hh += delta.T @ states[t]
        db += delta.sum(axis=0)
        dx[:, t] = delta @ W_xh
        carry = (W_hh @ delta.T).T
    return {"x": dx, "h0": carry, "W_xh": dW_xh, "W_hh": dW_hh, "b": db}
