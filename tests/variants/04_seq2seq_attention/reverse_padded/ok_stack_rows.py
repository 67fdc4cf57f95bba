# why: concatenates the reversed part and the padding per row.
def reverse_padded(x, lengths):
    rows = [torch.cat([x[b, : int(n)].flip(0), x[b, int(n):]]) for b, n in enumerate(lengths)]
    return torch.stack(rows)
