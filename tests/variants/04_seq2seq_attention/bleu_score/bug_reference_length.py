# expect: number of n-grams of the reference
# why: divides the matches by the reference's number of n-grams.
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
        if matches == 0 or r - n + 1 <= 0:
            return 0.0
        total += math.log(matches / (r - n + 1))
    return float((1.0 if c > r else math.exp(1 - r / c)) * math.exp(total / max_n))
