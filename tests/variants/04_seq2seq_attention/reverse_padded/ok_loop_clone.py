# why: a per-row loop on a clone.
def reverse_padded(x, lengths):
    out = x.clone()
    for row in range(x.shape[0]):
        n = int(lengths[row])
        out[row, :n] = x[row, :n].flip(0)
    return out
