# expect: do not squeeze
# why: squeezes the stacked states, which drops the unit axis when H = 1 (and the row axis when steps = 0).
def simulate_autonomous_rnn(W_hh, h0, steps):
    states = [np.array(h0, dtype=float)]
    for _ in range(steps):
        states.append(np.tanh(W_hh @ states[-1]))
    return np.array(states).squeeze()
