# expect: arithmetic mean
# why: averages the precisions instead of their logs.
def bleu_score(candidate, reference, max_n=4):
    from collections import Counter
    c, r = len(candidate), len(reference)
    if c == 0:
        return 0.0
    precisions = []
    for n in range(1, max_n + 1):
        mine = Counter(tuple(candidate[i:i + n]) for i in range(c - n + 1))
        theirs = Counter(tuple(reference[i:i + n]) for i in range(r - n + 1))
        matches = sum((mine & theirs).values())
        if matches == 0:
            return 0.0
        precisions.append(matches / sum(mine.values()))
    return float((1.0 if c > r else math.exp(1 - r / c)) * sum(precisions) / max_n)
