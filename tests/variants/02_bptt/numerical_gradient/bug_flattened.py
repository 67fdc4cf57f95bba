# expect: raised
# why: flattens x and hands f the flat vector, which a function of a matrix cannot take.
def numerical_gradient(f, x, eps=1e-6):
    flat = x.astype(float).ravel()
    grad = np.zeros_like(flat)
    for i in range(flat.size):
        old = flat[i]
        flat[i] = old + eps
        plus = f(flat)
        flat[i] = old - eps
        minus = f(flat)
        flat[i] = old
        grad[i] = (plus - minus) / (2 * eps)
    return grad
