# expect: no squeeze
# why: squeezes every gradient, which drops an axis when B = 1 or H = 1.
def lstm_cell_backward(dh, dc, x, h_prev, c_prev, W_ih, W_hh, b_ih, b_hh):
    def sigmoid(z):
        return 0.5 * (1.0 + np.tanh(0.5 * z))

    a_i, a_f, a_g, a_o = np.split(x @ W_ih.T + b_ih + h_prev @ W_hh.T + b_hh, 4, axis=1)
    i, f, g, o = sigmoid(a_i), sigmoid(a_f), np.tanh(a_g), sigmoid(a_o)
    tanh_c = np.tanh(f * c_prev + i * g)
    dc_total = dc + dh * o * (1.0 - tanh_c ** 2)
    da = np.concatenate([dc_total * g * i * (1.0 - i), dc_total * c_prev * f * (1.0 - f),
                         dc_total * i * (1.0 - g ** 2), dh * tanh_c * o * (1.0 - o)], axis=1)
    grads = {"x": da @ W_ih, "h_prev": da @ W_hh, "c_prev": dc_total * f, "W_ih": da.T @ x,
             "W_hh": da.T @ h_prev, "b_ih": da.sum(axis=0), "b_hh": da.sum(axis=0)}
    return {key: np.squeeze(value) for key, value in grads.items()}
