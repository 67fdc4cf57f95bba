# expect: changed its argument b
# why: accumulates the states into b in place.
def linear_recurrence(a, b, h0):
    b[0] += a[0] * h0
    for t in range(1, b.shape[0]):
        b[t] += a[t] * b[t - 1]
    return b
