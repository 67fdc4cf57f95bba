# expect: compared with clip_grad_value_
# why: passes the bounds to np.clip in the wrong order, so every entry becomes -clip_value.
def clip_by_value(grads, clip_value):
    return [np.clip(g, clip_value, -clip_value) for g in grads]
