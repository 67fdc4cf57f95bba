# expect: but the best path scores
# why: each position's best emission, ignoring the transitions.
def viterbi_decode(emissions, transitions):
    E = torch.as_tensor(emissions).detach().double().numpy()
    A = torch.as_tensor(transitions).detach().double().numpy()
    path = [int(k) for k in E.argmax(axis=1)]
    score = sum(E[t, y] for t, y in enumerate(path)) + sum(A[path[t - 1], path[t]] for t in range(1, len(path)))
    return path, float(score)
