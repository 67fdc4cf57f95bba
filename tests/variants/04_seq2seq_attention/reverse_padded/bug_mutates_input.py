# expect: changed its argument x in place
# why: reverses the rows of x itself.
def reverse_padded(x, lengths):
    for row, n in enumerate(lengths.tolist()):
        x[row, :n] = x[row, :n].flip(0).clone()
    return x
