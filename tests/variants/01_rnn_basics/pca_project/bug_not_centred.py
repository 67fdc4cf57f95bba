# expect: not centred
# why: the SVD of the raw states, without subtracting the mean.
def pca_project(states, k=2):
    _, s, vt = np.linalg.svd(states, full_matrices=False)
    return states @ vt[:k].T, s[:k] ** 2 / np.sum(s**2)
