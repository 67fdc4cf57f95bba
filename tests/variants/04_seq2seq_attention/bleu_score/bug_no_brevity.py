# expect: brevity penalty is
# why: the geometric mean of the clipped precisions alone.
def bleu_score(candidate, reference, max_n=4):
    from collections import Counter
    if not candidate:
        return 0.0
    total = 0.0
    for n in range(1, max_n + 1):
        mine = Counter(tuple(candidate[i:i + n]) for i in range(len(candidate) - n + 1))
        theirs = Counter(tuple(reference[i:i + n]) for i in range(len(reference) - n + 1))
        matches = sum((mine & theirs).values())
        if matches == 0:
            return 0.0
        total += math.log(matches / sum(mine.values()))
    return float(math.exp(total / max_n))
