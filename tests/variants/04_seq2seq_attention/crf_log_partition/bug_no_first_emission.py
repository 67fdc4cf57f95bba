# expect: the first emission
# why: starts the recursion from zeros, so emissions[0] never counts.
def crf_log_partition(emissions, transitions):
    E = torch.as_tensor(emissions).detach().double()
    A = torch.as_tensor(transitions).detach().double()
    alpha = torch.zeros(E.shape[1], dtype=torch.float64)
    for t in range(1, len(E)):
        alpha = torch.logsumexp(alpha.unsqueeze(1) + A, dim=0) + E[t]
    return float(torch.logsumexp(alpha, dim=0))
