# expect: one entry at a time
# why: perturbs every entry of x at once, so each "partial derivative" is the directional derivative along all ones.
def numerical_gradient(f, x, eps=1e-6):
    slope = (f(x + eps) - f(x - eps)) / (2 * eps)
    return np.full(x.shape, slope, dtype=float)
