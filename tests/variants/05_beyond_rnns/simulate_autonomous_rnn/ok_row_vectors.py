# why: row-vector convention h @ W_hh.T, float64 throughout, np.vstack at the end.
def simulate_autonomous_rnn(W_hh, h0, steps):
    h = np.asarray(h0, dtype=np.float64).reshape(1, -1)
    rows = [h]
    for _ in range(steps):
        h = np.tanh(h @ np.asarray(W_hh, dtype=np.float64).T)
        rows.append(h)
    return np.vstack(rows)
