# expect: grows with T
# why: correct values, but a sequential loop over the time steps.
def parallel_scan(a, b, h0):
    h, states = h0, []
    for t in range(a.shape[0]):
        h = a[t] * h + b[t]
        states.append(h)
    return torch.stack(states)
