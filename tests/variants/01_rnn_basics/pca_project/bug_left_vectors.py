# expect: the left singular vectors
# why: returns U's columns, which have norm 1, instead of the projected coordinates.
def pca_project(states, k=2):
    centred = states - states.mean(axis=0)
    u, s, _ = np.linalg.svd(centred, full_matrices=False)
    return u[:, :k], s[:k] ** 2 / np.sum(s**2)
