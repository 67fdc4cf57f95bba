# expect: row n's own top k
# why: looks for each target among the top-k items of all rows.
def hit_at_k(scores, targets, k=10):
    scores, targets = np.asarray(scores), np.asarray(targets)
    top = np.argsort(-scores, axis=1)[:, :k]
    return float(np.mean(np.isin(targets, top)))
