# expect: 1x1 matrix's only eigenvalue
# why: takes a shortcut for a 1x1 matrix and returns its entry, forgetting the modulus.
def spectral_radius(W):
    W = np.asarray(W, dtype=float)
    if W.shape == (1, 1):
        return float(W[0, 0])
    return float(np.max(np.abs(np.linalg.eigvals(W))))
