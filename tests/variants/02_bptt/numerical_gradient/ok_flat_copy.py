# why: one float copy of x, flat indices into a reshape view of it, each entry restored.
def numerical_gradient(f, x, eps=1e-6):
    work = np.array(x, dtype=np.float64)
    flat = work.reshape(-1)
    grad = np.zeros(flat.size)
    for k in range(flat.size):
        keep = flat[k]
        flat[k] = keep + eps
        up = f(work)
        flat[k] = keep - eps
        down = f(work)
        flat[k] = keep
        grad[k] = (up - down) / (2 * eps)
    return grad.reshape(x.shape)
