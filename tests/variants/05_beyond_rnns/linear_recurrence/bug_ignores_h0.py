# expect: ignores h0
# why: starts from a zero state.
def linear_recurrence(a, b, h0):
    h = torch.zeros_like(h0)
    states = []
    for t in range(a.shape[0]):
        h = a[t] * h + b[t]
        states.append(h)
    return torch.stack(states)
