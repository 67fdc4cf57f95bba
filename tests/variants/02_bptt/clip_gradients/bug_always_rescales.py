# expect: below max_norm nothing may change
# why: rescales to max_norm even when the norm is already smaller.
def clip_gradients(grads, max_norm):
    total = np.sqrt(sum(np.sum(g ** 2) for g in grads))
    return [g * max_norm / (total + 1e-12) for g in grads]
