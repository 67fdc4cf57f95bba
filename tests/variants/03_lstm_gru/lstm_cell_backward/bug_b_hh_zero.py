# expect: grads['b_hh']
# why: thinks only one of the two biases gets a gradient.
def lstm_cell_backward(dh, dc, x, h_prev, c_prev, W_ih, W_hh, b_ih, b_hh):
    sig = lambda z: 1 / (1 + np.exp(-z))  # noqa: E731
    a_i, a_f, a_g, a_o = np.split(x @ W_ih.T + b_ih + h_prev @ W_hh.T + b_hh, 4, axis=1)
    i, f, g, o = sig(a_i), sig(a_f), np.tanh(a_g), sig(a_o)
    c = f * c_prev + i * g
    dct = dc + dh * o * (1 - np.tanh(c) ** 2)
    da = np.concatenate([dct * g * i * (1 - i), dct * c_prev * f * (1 - f), dct * i * (1 - g ** 2),
                         dh * np.tanh(c) * o * (1 - o)], axis=1)
    return {"x": da @ W_ih, "h_prev": da @ W_hh, "c_prev": dct * f, "W_ih": da.T @ x,
            "W_hh": da.T @ h_prev, "b_ih": da.sum(0), "b_hh": np.zeros_like(b_hh)}
