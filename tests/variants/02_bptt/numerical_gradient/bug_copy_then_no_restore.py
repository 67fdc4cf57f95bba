# expect: x restored after each
# why: works on one copy of x but never puts the entry back, so earlier perturbations pile up.
def numerical_gradient(f, x, eps=1e-6):
    xc = x.astype(float)
    grad = np.zeros_like(xc)
    for i in np.ndindex(x.shape):
        xc[i] += eps
        plus = f(xc)
        xc[i] -= 2 * eps
        minus = f(xc)
        grad[i] = (plus - minus) / (2 * eps)
    return grad
