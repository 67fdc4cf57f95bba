# expect: real part
# why: takes abs of the real parts, so complex eigenvalues are measured by their real part only.
def spectral_radius(W):
    return float(np.max(np.abs(np.linalg.eigvals(W).real)))
