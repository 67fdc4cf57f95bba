# expect: uses the singular values
# why: shares of the singular values, not of their squares.
def pca_project(states, k=2):
    centred = states - states.mean(axis=0)
    _, s, vt = np.linalg.svd(centred, full_matrices=False)
    return centred @ vt[:k].T, s[:k] / s.sum()
