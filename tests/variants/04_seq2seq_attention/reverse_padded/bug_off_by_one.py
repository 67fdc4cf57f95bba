# expect: last real step
# why: reverses only the first lengths[b] - 1 steps.
def reverse_padded(x, lengths):
    out = x.clone()
    for row, n in enumerate(lengths.tolist()):
        out[row, :n - 1] = x[row, :n - 1].flip(0)
    return out
