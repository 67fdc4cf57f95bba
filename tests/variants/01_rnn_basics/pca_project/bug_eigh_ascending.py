# expect: components of smallest variance
# why: takes np.linalg.eigh's first eigenvectors, which belong to the smallest eigenvalues.
def pca_project(states, k=2):
    centred = states - states.mean(axis=0)
    values, vectors = np.linalg.eigh(centred.T @ centred)
    return centred @ vectors[:, :k], values[:k] / values.sum()
