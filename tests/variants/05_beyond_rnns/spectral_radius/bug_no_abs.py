# expect: not the largest absolute value
# why: returns the largest eigenvalue, forgetting that a negative one can dominate.
def spectral_radius(W):
    return float(np.max(np.linalg.eigvals(W).real))
