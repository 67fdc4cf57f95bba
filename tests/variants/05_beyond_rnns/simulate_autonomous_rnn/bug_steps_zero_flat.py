# expect: steps = 0
# why: with nothing to simulate, returns h0 itself as a 1-D array instead of one row.
def simulate_autonomous_rnn(W_hh, h0, steps):
    if steps == 0:
        return np.array(h0, dtype=float)
    states = [np.array(h0, dtype=float)]
    for _ in range(steps):
        states.append(np.tanh(W_hh @ states[-1]))
    return np.array(states)
