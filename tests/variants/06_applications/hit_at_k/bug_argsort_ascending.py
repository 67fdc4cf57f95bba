# expect: LOWEST scores
# why: np.argsort is ascending: takes the k lowest scores.
def hit_at_k(scores, targets, k=10):
    scores, targets = np.asarray(scores), np.asarray(targets)
    top = np.argsort(scores, axis=1)[:, :k]
    return float(np.mean([t in row for t, row in zip(targets, top)]))
