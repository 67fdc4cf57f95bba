# why: torch.logsumexp on a broadcast (K, K) table, in the inputs' own dtype.
def crf_log_partition(emissions, transitions):
    E, A = torch.as_tensor(emissions), torch.as_tensor(transitions)
    alpha = E[0]
    for t in range(1, E.shape[0]):
        alpha = torch.logsumexp(alpha[:, None] + A, dim=0) + E[t]
    return torch.logsumexp(alpha, dim=0).item()
