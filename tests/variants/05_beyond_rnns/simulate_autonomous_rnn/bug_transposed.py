# expect: transposed
# why: multiplies the row vector by W_hh instead of W_hh.T.
def simulate_autonomous_rnn(W_hh, h0, steps):
    states = [h0]
    for _ in range(steps):
        states.append(np.tanh(states[-1] @ W_hh))
    return np.array(states)
