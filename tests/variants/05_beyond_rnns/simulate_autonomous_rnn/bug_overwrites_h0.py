# expect: changed its argument h0
# why: updates the state in place, and the state is h0 itself.
def simulate_autonomous_rnn(W_hh, h0, steps):
    h = h0
    states = [h.copy()]
    for _ in range(steps):
        h[:] = np.tanh(W_hh @ h)
        states.append(h.copy())
    return np.array(states)
