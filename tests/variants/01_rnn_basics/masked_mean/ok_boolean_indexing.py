# why: boolean indexing and np.mean, float32 on the way.
def masked_mean(values, mask):
    selected = np.asarray(values)[np.asarray(mask).astype(bool)]
    if selected.size == 0:
        raise ValueError("nothing selected")
    return float(np.mean(selected.astype(np.float64)))
