# expect: do not squeeze
# why: squeezes the result, which drops an axis when T = 1 or N = 1.
def linear_recurrence(a, b, h0):
    states = [h0]
    for t in range(a.shape[0]):
        states.append(a[t] * states[-1] + b[t])
    return torch.stack(states)[1:].squeeze()
