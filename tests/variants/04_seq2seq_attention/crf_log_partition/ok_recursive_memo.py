# why: a recursion over (position, tag) with a memo, math.log and math.exp by hand.
def crf_log_partition(emissions, transitions):
    import functools
    E = [[float(v) for v in row] for row in torch.as_tensor(emissions).tolist()]
    A = [[float(v) for v in row] for row in torch.as_tensor(transitions).tolist()]
    K = len(A)

    def lse(values):
        top = max(values)
        return top + math.log(sum(math.exp(v - top) for v in values))

    @functools.lru_cache(maxsize=None)
    def alpha(t, j):
        if t == 0:
            return E[0][j]
        return E[t][j] + lse([alpha(t - 1, i) + A[i][j] for i in range(K)])

    return lse([alpha(len(E) - 1, j) for j in range(K)])
