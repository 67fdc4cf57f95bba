# expect: sums to 1 over the k kept components
# why: normalises by the variance of the kept components only.
def pca_project(states, k=2):
    centred = states - states.mean(axis=0)
    _, s, vt = np.linalg.svd(centred, full_matrices=False)
    kept = s[:k] ** 2
    return centred @ vt[:k].T, kept / kept.sum()
