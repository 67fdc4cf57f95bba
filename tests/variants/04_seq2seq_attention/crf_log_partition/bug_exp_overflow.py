# expect: exp overflows
# why: the forward recursion in probability space, exp of raw scores.
def crf_log_partition(emissions, transitions):
    E = np.asarray(torch.as_tensor(emissions).detach().double().numpy())
    A = np.asarray(torch.as_tensor(transitions).detach().double().numpy())
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        p = np.exp(E[0])
        for t in range(1, len(E)):
            p = (p @ np.exp(A)) * np.exp(E[t])
        return float(np.log(p.sum()))
