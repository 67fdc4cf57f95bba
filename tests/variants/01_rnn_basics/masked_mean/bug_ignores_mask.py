# expect: ignores the mask
# why: averages everything.
def masked_mean(values, mask):
    if not np.any(mask):
        raise ValueError("empty mask")
    return float(np.mean(values))
