# why: numpy integers inside the list (accepted), ties broken towards the last index.
def viterbi_decode(emissions, transitions):
    E = torch.as_tensor(emissions).detach().double().numpy()
    A = torch.as_tensor(transitions).detach().double().numpy()
    K = E.shape[1]
    delta, backpointers = E[0].copy(), []
    for t in range(1, len(E)):
        candidates = delta[:, None] + A
        flipped = K - 1 - candidates[::-1].argmax(axis=0)
        backpointers.append(flipped)
        delta = candidates.max(axis=0) + E[t]
    tag = np.int64(K - 1 - delta[::-1].argmax())
    path = [tag]
    for pointers in reversed(backpointers):
        path.append(pointers[path[-1]])
    return path[::-1], np.float64(delta.max())
