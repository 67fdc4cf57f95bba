# expect: differs from the reference
# why: updates the coefficients before the values, so the values use the new coefficients.
def parallel_scan(a, b, h0):
    coeff = a
    value = torch.cat([a[:1] * h0 + b[:1], b[1:]])
    offset = 1
    while offset < a.shape[0]:
        coeff = torch.cat([coeff[:offset], coeff[offset:] * coeff[:-offset]])
        value = torch.cat([value[:offset], coeff[offset:] * value[:-offset] + value[offset:]])
        offset *= 2
    return value
