# why: np.maximum of np.minimum, one side at a time.
def clip_by_value(grads, clip_value):
    return [np.maximum(np.minimum(g, clip_value), -clip_value) for g in grads]
