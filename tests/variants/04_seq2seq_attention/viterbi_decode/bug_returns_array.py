# expect: Python list
# why: the path as a numpy array.
def viterbi_decode(emissions, transitions):
    E = torch.as_tensor(emissions).detach().double().numpy()
    A = torch.as_tensor(transitions).detach().double().numpy()
    delta, backpointers = E[0], []
    for t in range(1, len(E)):
        candidates = delta[:, None] + A
        backpointers.append(candidates.argmax(axis=0))
        delta = candidates.max(axis=0) + E[t]
    path = [int(delta.argmax())]
    for pointers in reversed(backpointers):
        path.append(int(pointers[path[-1]]))
    return np.array(path[::-1]), float(delta.max())
