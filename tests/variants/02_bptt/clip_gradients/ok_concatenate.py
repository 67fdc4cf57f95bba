# why: the norm of all entries concatenated; copies when nothing changes.
def clip_gradients(grads, max_norm):
    norm = np.linalg.norm(np.concatenate([np.ravel(g) for g in grads]))
    if norm <= max_norm:
        return [np.copy(g) for g in grads]
    return [g * (max_norm / norm) for g in grads]
