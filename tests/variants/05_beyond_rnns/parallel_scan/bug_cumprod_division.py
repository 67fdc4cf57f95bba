# expect: exactly 0
# why: closed form h_t = P_t (h0 + sum_s b_s / P_s) with P = cumprod(a); divides by zero when a gate closes.
def parallel_scan(a, b, h0):
    P = torch.cumprod(a, dim=0)
    return P * (h0 + torch.cumsum(b / P, dim=0))
