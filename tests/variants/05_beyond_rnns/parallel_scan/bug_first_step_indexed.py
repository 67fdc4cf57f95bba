# expect: an empty sequence (T = 0)
# why: folds h0 in with a[0] and b[0], which do not exist when T = 0.
def parallel_scan(a, b, h0):
    coeff = a
    value = torch.cat([(a[0] * h0 + b[0]).unsqueeze(0), b[1:]])
    offset = 1
    while offset < a.shape[0]:
        value = torch.cat([value[:offset], coeff[offset:] * value[:-offset] + value[offset:]])
        coeff = torch.cat([coeff[:offset], coeff[offset:] * coeff[:-offset]])
        offset *= 2
    return value
