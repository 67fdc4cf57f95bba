# expect: clip each count
# why: counts every candidate n-gram found in the reference, however often.
def bleu_score(candidate, reference, max_n=4):
    c, r = len(candidate), len(reference)
    if c == 0:
        return 0.0
    total = 0.0
    for n in range(1, max_n + 1):
        ref_grams = {tuple(reference[i:i + n]) for i in range(r - n + 1)}
        grams = [tuple(candidate[i:i + n]) for i in range(c - n + 1)]
        matches = sum(1 for g in grams if g in ref_grams)
        if matches == 0:
            return 0.0
        total += math.log(matches / len(grams))
    return float((1.0 if c > r else math.exp(1 - r / c)) * math.exp(total / max_n))
