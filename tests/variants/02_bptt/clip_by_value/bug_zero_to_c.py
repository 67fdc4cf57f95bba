# expect: lost its negative entries
# why: clamps to [0, c].
def clip_by_value(grads, clip_value):
    return [np.clip(g, 0, clip_value) for g in grads]
