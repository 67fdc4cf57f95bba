# expect: but got AssertionError
# why: guards the empty mask with assert, which raises AssertionError, not ValueError.
def masked_mean(values, mask):
    mask = np.asarray(mask, dtype=float)
    assert mask.sum() > 0, "the mask selects nothing"
    return float(np.sum(np.asarray(values) * mask) / np.sum(mask))
