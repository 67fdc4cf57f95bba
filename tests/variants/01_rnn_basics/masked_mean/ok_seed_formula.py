# why: sum(values * mask) / sum(mask) with an explicit check for an empty mask.
def masked_mean(values, mask):
    mask = np.asarray(mask, dtype=np.float64)
    if mask.sum() == 0:
        raise ValueError("masked_mean: the mask has no position equal to 1")
    return float(np.sum(np.asarray(values) * mask) / mask.sum())
