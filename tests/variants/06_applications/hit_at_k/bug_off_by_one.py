# expect: off by one
# why: the last k - 1 columns of the ascending sort.
def hit_at_k(scores, targets, k=10):
    scores, targets = np.asarray(scores), np.asarray(targets)
    top = np.argsort(scores, axis=1)[:, -k + 1:] if k > 1 else np.argsort(scores, axis=1)[:, -1:]
    return float(np.mean([t in row for t, row in zip(targets, top)]))
