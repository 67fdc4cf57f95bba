# expect: is -2
# why: returns the dominant eigenvalue itself rather than its modulus.
def spectral_radius(W):
    eigenvalues = np.linalg.eigvals(W)
    return eigenvalues[np.argmax(np.abs(eigenvalues))]
