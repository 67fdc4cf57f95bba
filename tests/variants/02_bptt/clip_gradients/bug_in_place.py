# expect: changed its argument
# why: scales the caller's arrays in place and returns them.
def clip_gradients(grads, max_norm):
    total = np.sqrt(sum(np.sum(g ** 2) for g in grads))
    if total > max_norm:
        for g in grads:
            g *= max_norm / total
    return grads
