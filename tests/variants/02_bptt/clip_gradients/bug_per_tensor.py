# expect: GLOBAL
# why: clips each array by its own norm.
def clip_gradients(grads, max_norm):
    out = []
    for g in grads:
        norm = np.linalg.norm(g)
        out.append(g * (max_norm / norm) if norm > max_norm else g.copy())
    return out
