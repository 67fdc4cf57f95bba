# expect: without h0
# why: returns the whole trajectory h_0 .. h_T.
def linear_recurrence(a, b, h0):
    states = [h0]
    for t in range(a.shape[0]):
        states.append(a[t] * states[-1] + b[t])
    return torch.stack(states)
