# why: np.where, written out.
def clip_by_value(grads, clip_value):
    clipped = []
    for g in grads:
        g = np.where(g > clip_value, clip_value, g)
        clipped.append(np.where(g < -clip_value, -clip_value, g))
    return clipped
