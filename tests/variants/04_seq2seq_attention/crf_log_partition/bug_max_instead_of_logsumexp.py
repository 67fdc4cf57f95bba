# expect: use log-sum-exp where Viterbi takes the max
# why: a max over previous tags instead of a log-sum-exp (that is Viterbi's recursion).
def crf_log_partition(emissions, transitions):
    E = torch.as_tensor(emissions).detach().double()
    A = torch.as_tensor(transitions).detach().double()
    alpha = E[0]
    for t in range(1, len(E)):
        alpha = (alpha.unsqueeze(1) + A).max(dim=0).values + E[t]
    return float(alpha.max())
