# why: np.nditer with multi_index and in-place perturbation, restoring the saved value.
def numerical_gradient(f, x, eps=1e-6):
    grad = np.empty(x.shape)
    it = np.nditer(x, flags=["multi_index"])
    while not it.finished:
        idx = it.multi_index
        saved = x[idx].copy()
        x[idx] = saved + eps
        up = f(x)
        x[idx] = saved - eps
        down = f(x)
        x[idx] = saved
        grad[idx] = (up - down) / (2 * eps)
        it.iternext()
    return grad
