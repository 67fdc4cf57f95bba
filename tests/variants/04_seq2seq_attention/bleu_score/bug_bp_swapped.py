# expect: c and r
# why: the brevity penalty with the candidate's and the reference's lengths swapped.
def bleu_score(candidate, reference, max_n=4):
    from collections import Counter
    c, r = len(candidate), len(reference)
    if c == 0:
        return 0.0
    total = 0.0
    for n in range(1, max_n + 1):
        mine = Counter(tuple(candidate[i:i + n]) for i in range(c - n + 1))
        theirs = Counter(tuple(reference[i:i + n]) for i in range(r - n + 1))
        matches = sum((mine & theirs).values())
        if matches == 0:
            return 0.0
        total += math.log(matches / sum(mine.values()))
    return float((1.0 if r > c else math.exp(1 - c / r)) * math.exp(total / max_n))
