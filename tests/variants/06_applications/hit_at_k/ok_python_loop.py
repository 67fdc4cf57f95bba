# One row at a time, in plain Python.
def hit_at_k(scores, targets, k=10):
    rows = scores.tolist()
    wanted = [int(t) for t in targets.tolist()]
    hits = 0
    for row, target in zip(rows, wanted):
        higher = sum(1 for value in row if value > row[target])
        if higher < k:
            hits += 1
    return hits / len(wanted)
