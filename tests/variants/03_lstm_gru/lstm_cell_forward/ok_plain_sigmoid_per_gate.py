# why: the textbook sigmoid 1 / (1 + exp(-z)) (its overflow warning is harmless) and one slice per gate.
def lstm_cell_forward(x, h_prev, c_prev, W_ih, W_hh, b_ih, b_hh):
    H = h_prev.shape[1]
    z = x @ W_ih.T + h_prev @ W_hh.T + b_ih + b_hh
    with np.errstate(over="ignore"):
        gate = lambda k: 1.0 / (1.0 + np.exp(-z[:, k * H:(k + 1) * H]))  # noqa: E731
        i, f, o = gate(0), gate(1), gate(3)
    g = np.tanh(z[:, 2 * H:3 * H])
    c = f * c_prev + i * g
    return o * np.tanh(c), c
