# expect: no squeeze
# why: squeezes the results "to tidy the shapes", which drops an axis when B = 1 or H = 1.
def lstm_cell_forward(x, h_prev, c_prev, W_ih, W_hh, b_ih, b_hh):
    def sigmoid(z):
        return 0.5 * (1.0 + np.tanh(0.5 * z))

    a_i, a_f, a_g, a_o = np.split(x @ W_ih.T + b_ih + h_prev @ W_hh.T + b_hh, 4, axis=1)
    c = sigmoid(a_f) * c_prev + sigmoid(a_i) * np.tanh(a_g)
    h = sigmoid(a_o) * np.tanh(c)
    return np.squeeze(h), np.squeeze(c)
