# expect: expected ValueError
# why: the seed's formula with no guard returns nan (with a warning) for an all-zero mask.
def masked_mean(values, mask):
    values = np.asarray(values, dtype=float)
    mask = np.asarray(mask, dtype=float)
    return float((values * mask).sum() / mask.sum())
