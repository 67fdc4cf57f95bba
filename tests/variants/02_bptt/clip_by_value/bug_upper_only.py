# expect: below -clip_value
# why: clamps only the positive side.
def clip_by_value(grads, clip_value):
    return [np.minimum(g, clip_value) for g in grads]
