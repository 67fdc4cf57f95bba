# why: eigenvectors of the covariance matrix, sorted by decreasing eigenvalue.
def pca_project(states, k=2):
    centred = states - states.mean(axis=0, keepdims=True)
    covariance = np.cov(centred, rowvar=False)
    values, vectors = np.linalg.eigh(covariance)
    order = np.argsort(values)[::-1]
    values, vectors = np.clip(values[order], 0, None), vectors[:, order]
    return centred @ vectors[:, :k], values[:k] / values.sum()
