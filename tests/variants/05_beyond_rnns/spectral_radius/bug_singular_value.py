# expect: largest singular value
# why: uses the operator 2-norm, which equals the spectral radius only for normal matrices.
def spectral_radius(W):
    return float(np.linalg.norm(W, 2))
