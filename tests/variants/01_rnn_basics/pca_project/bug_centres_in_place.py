# expect: changed its argument states in place
# why: centres the caller's array in place.
def pca_project(states, k=2):
    states -= states.mean(axis=0)
    _, s, vt = np.linalg.svd(states, full_matrices=False)
    return states @ vt[:k].T, s[:k] ** 2 / np.sum(s**2)
