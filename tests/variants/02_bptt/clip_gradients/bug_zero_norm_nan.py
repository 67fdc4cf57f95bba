# expect: nan or inf
# why: normalises each array to a unit direction first, which divides 0 by 0 for zero gradients.
def clip_gradients(grads, max_norm):
    total = np.sqrt(sum(np.sum(g ** 2) for g in grads))
    with np.errstate(divide="ignore", invalid="ignore"):
        return [(g / total) * min(total, max_norm) for g in grads]
