# why: torch's max with indices, ties to whichever index torch returns, .tolist() for the path.
def viterbi_decode(emissions, transitions):
    E, A = torch.as_tensor(emissions), torch.as_tensor(transitions)
    delta, pointers = E[0], []
    for t in range(1, E.shape[0]):
        best, index = (delta.unsqueeze(1) + A).max(dim=0)
        pointers.append(index)
        delta = best + E[t]
    last = int(delta.argmax())
    path = [last]
    for index in pointers[::-1]:
        path.insert(0, int(index[path[0]]))
    return path, delta.max().item()
