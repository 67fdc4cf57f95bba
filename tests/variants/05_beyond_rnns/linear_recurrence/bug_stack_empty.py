# expect: an empty sequence (T = 0)
# why: torch.stack of an empty list fails when T = 0.
def linear_recurrence(a, b, h0):
    h = h0
    states = []
    for t in range(a.shape[0]):
        h = a[t] * h + b[t]
        states.append(h)
    return torch.stack(states)
