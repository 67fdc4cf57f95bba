# expect: not a power of two
# why: runs floor(log2 T) rounds, which is one round short when T is not a power of two.
def parallel_scan(a, b, h0):
    coeff = a
    value = torch.cat([a[:1] * h0 + b[:1], b[1:]])
    for k in range(int(math.log2(a.shape[0]))):
        offset = 2 ** k
        value = torch.cat([value[:offset], coeff[offset:] * value[:-offset] + value[offset:]])
        coeff = torch.cat([coeff[:offset], coeff[offset:] * coeff[:-offset]])
    return value
