# expect: divided by the number of all positions
# why: zeroes the padding but averages over every position.
def masked_mean(values, mask):
    mask = np.asarray(mask)
    if not mask.any():
        raise ValueError("empty mask")
    return float(np.mean(np.asarray(values) * mask))
