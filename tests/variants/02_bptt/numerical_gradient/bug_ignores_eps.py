# expect: use the eps argument
# why: hard-codes its own step h = 1e-5 and never uses eps.
def numerical_gradient(f, x, eps=1e-6):
    h = 1e-5
    grad = np.zeros_like(x, dtype=float)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        plus = f(x)
        x[i] = old - h
        minus = f(x)
        x[i] = old
        grad[i] = (plus - minus) / (2 * h)
    return grad
