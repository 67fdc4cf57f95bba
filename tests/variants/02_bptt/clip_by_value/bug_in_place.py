# expect: changed its argument
# why: np.clip with out= writes into the caller's arrays.
def clip_by_value(grads, clip_value):
    return [np.clip(g, -clip_value, clip_value, out=g) for g in grads]
