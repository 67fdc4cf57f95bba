# expect: autograd
# why: goes through numpy, which cuts the graph.
def reverse_padded(x, lengths):
    out = x.detach().numpy().copy()
    for row, n in enumerate(lengths.tolist()):
        out[row, :n] = out[row, :n][::-1]
    return torch.from_numpy(out)
