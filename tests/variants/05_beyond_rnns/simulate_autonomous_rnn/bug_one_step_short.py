# expect: run all
# why: starts the list with h0 but loops steps - 1 times, so the array has steps rows.
def simulate_autonomous_rnn(W_hh, h0, steps):
    states = [np.array(h0, dtype=float)]
    for _ in range(steps - 1):
        states.append(np.tanh(W_hh @ states[-1]))
    return np.array(states)
