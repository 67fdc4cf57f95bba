# expect: ignores h0
# why: forgets to fold h0 into the first element before scanning.
def parallel_scan(a, b, h0):
    coeff, value, offset = a, b, 1
    while offset < a.shape[0]:
        value = torch.cat([value[:offset], coeff[offset:] * value[:-offset] + value[offset:]])
        coeff = torch.cat([coeff[:offset], coeff[offset:] * coeff[:-offset]])
        offset *= 2
    return value
