# expect: return a Python float
# why: returns a 0-d tensor instead of a float.
def crf_log_partition(emissions, transitions):
    E = torch.as_tensor(emissions).detach().double()
    A = torch.as_tensor(transitions).detach().double()
    alpha = E[0]
    for t in range(1, len(E)):
        alpha = torch.logsumexp(alpha.unsqueeze(1) + A, dim=0) + E[t]
    return torch.logsumexp(alpha, dim=0)
