# why: never touches x: perturbs fresh copies through flat indices.
def numerical_gradient(f, x, eps=1e-6):
    grad = np.zeros(x.size)
    for k in range(x.size):
        step = np.zeros(x.size)
        step[k] = eps
        step = step.reshape(x.shape)
        grad[k] = (f(x + step) - f(x - step)) / (2 * eps)
    return grad.reshape(x.shape)
