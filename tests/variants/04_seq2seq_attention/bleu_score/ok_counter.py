# why: collections.Counter and its intersection (&) for the clipped counts, a product of precisions.
def bleu_score(candidate, reference, max_n=4):
    from collections import Counter
    c, r = len(candidate), len(reference)
    if c < max_n:
        return 0.0
    product = 1.0
    for n in range(1, max_n + 1):
        mine = Counter(zip(*[candidate[i:] for i in range(n)]))
        theirs = Counter(zip(*[reference[i:] for i in range(n)]))
        product *= sum((mine & theirs).values()) / (c - n + 1)
    if product == 0:
        return 0.0
    penalty = math.exp(min(0.0, 1 - r / c))
    return penalty * product ** (1 / max_n)
