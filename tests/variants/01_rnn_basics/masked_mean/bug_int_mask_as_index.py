# expect: as row numbers
# why: indexes with the 0/1 int mask, which numpy reads as row numbers, not as a selection.
def masked_mean(values, mask):
    values, mask = np.asarray(values), np.asarray(mask)
    if mask.sum() == 0:
        raise ValueError("the mask selects nothing")
    return float(values[mask].mean())
