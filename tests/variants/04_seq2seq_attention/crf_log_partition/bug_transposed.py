# expect: transposed
# why: indexes transitions[j, i] for a move from tag i to tag j.
def crf_log_partition(emissions, transitions):
    E = torch.as_tensor(emissions).detach().double()
    A = torch.as_tensor(transitions).detach().double()
    alpha = E[0]
    for t in range(1, len(E)):
        alpha = torch.logsumexp(alpha.unsqueeze(1) + A.T, dim=0) + E[t]
    return float(torch.logsumexp(alpha, dim=0))
