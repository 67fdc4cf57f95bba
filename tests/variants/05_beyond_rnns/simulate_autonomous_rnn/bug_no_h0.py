# expect: row 0 is h0 itself
# why: collects only the new states h_1 .. h_steps.
def simulate_autonomous_rnn(W_hh, h0, steps):
    states, h = [], h0
    for _ in range(steps):
        h = np.tanh(W_hh @ h)
        states.append(h)
    return np.array(states).reshape(steps, len(h0))
