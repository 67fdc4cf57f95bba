# expect: averaged the padded positions
# why: np.ma masks the entries where mask is True, i.e. it hides the real positions and keeps the padding.
def masked_mean(values, mask):
    result = np.ma.masked_array(values, mask=np.asarray(mask).astype(bool)).mean()
    if result is np.ma.masked:
        raise ValueError("the mask selects nothing")
    return float(result)
