# expect: batch-first
# why: stacks the states along axis 0, giving (T, B, H).
def rnn_forward(x, h0, W_xh, W_hh, b):
    h = h0
    states = []
    for t in range(x.shape[1]):
        h = rnn_cell_forward(x[:, t], h, W_xh, W_hh, b)
        states.append(h)
    return np.array(states), h
