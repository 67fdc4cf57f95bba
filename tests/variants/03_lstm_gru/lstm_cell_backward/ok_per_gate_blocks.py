# why: one gate at a time, each weight block's gradient written into its rows.
def lstm_cell_backward(dh, dc, x, h_prev, c_prev, W_ih, W_hh, b_ih, b_hh):
    H = h_prev.shape[1]
    z = x @ W_ih.T + h_prev @ W_hh.T + b_ih + b_hh
    sig = lambda a: 1.0 / (1.0 + np.exp(-a))  # noqa: E731
    i, f, g, o = sig(z[:, :H]), sig(z[:, H:2 * H]), np.tanh(z[:, 2 * H:3 * H]), sig(z[:, 3 * H:])
    c = f * c_prev + i * g
    dc_sum = dc + dh * o * (1 - np.tanh(c) ** 2)
    blocks = [dc_sum * g * i * (1 - i), dc_sum * c_prev * f * (1 - f),
              dc_sum * i * (1 - g * g), dh * np.tanh(c) * o * (1 - o)]
    dW_ih, dW_hh = np.zeros_like(W_ih), np.zeros_like(W_hh)
    dx, dh_prev, db = np.zeros_like(x), np.zeros_like(h_prev), np.zeros_like(b_ih)
    for k, d in enumerate(blocks):
        rows = slice(k * H, (k + 1) * H)
        dW_ih[rows] = d.T @ x
        dW_hh[rows] = d.T @ h_prev
        db[rows] = d.sum(axis=0)
        dx += d @ W_ih[rows]
        dh_prev += d @ W_hh[rows]
    return {"x": dx, "h_prev": dh_prev, "c_prev": dc_sum * f, "W_ih": dW_ih, "W_hh": dW_hh,
            "b_ih": db, "b_hh": db.copy()}
