# expect: inf or nan
# why: a sigmoid written as exp(z) / (1 + exp(z)) gives inf / inf = nan for large inputs.
def lstm_cell_forward(x, h_prev, c_prev, W_ih, W_hh, b_ih, b_hh):
    def sig(z):
        with np.errstate(over="ignore", invalid="ignore"):
            return np.exp(z) / (1 + np.exp(z))
    i, f, g, o = np.split(x @ W_ih.T + b_ih + h_prev @ W_hh.T + b_hh, 4, axis=1)
    c = sig(f) * c_prev + sig(i) * np.tanh(g)
    return sig(o) * np.tanh(c), c
