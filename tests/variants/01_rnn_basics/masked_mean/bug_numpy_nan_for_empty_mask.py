# expect: but it returned nan
# why: np.mean of the selected values with no guard: an all-zero mask gives numpy's nan (a np.float64), with a warning.
def masked_mean(values, mask):
    return np.mean(np.asarray(values)[np.asarray(mask) == 1])
