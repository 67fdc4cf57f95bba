# expect: shifted by one step
# why: appends the state before updating it, so it returns h_0 .. h_(T-1).
def linear_recurrence(a, b, h0):
    h = h0
    states = []
    for t in range(a.shape[0]):
        states.append(h)
        h = a[t] * h + b[t]
    return torch.stack(states)
