# expect: padding moved to the front
# why: flips the whole time axis.
def reverse_padded(x, lengths):
    return x.flip(1)
