# why: np.average with the mask as weights, after an explicit check.
def masked_mean(values, mask):
    weights = np.asarray(mask, dtype=np.float64)
    if not np.any(weights):
        raise ValueError("mask has no 1: nothing to average")
    return float(np.average(values, weights=weights))
