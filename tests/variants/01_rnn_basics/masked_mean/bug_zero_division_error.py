# expect: got ZeroDivisionError
# why: a Python loop whose division raises ZeroDivisionError instead of ValueError.
def masked_mean(values, mask):
    total, count = 0.0, 0
    for v, m in zip(np.ravel(values), np.ravel(mask), strict=True):
        if m == 1:
            total += v
            count += 1
    return total / count
