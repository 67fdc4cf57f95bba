# expect: shares memory
# why: returns the caller's own arrays when no clipping is needed, instead of new ones.
def clip_gradients(grads, max_norm):
    norm = np.sqrt(sum(np.sum(g ** 2) for g in grads))
    if norm <= max_norm:
        return list(grads)
    return [g * (max_norm / norm) for g in grads]
