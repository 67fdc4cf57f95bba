# expect: counted tied items against the target
# why: counts every other item with a score >= the target's as ranked above it.
def hit_at_k(scores, targets, k=10):
    scores = torch.as_tensor(scores).double()
    targets = torch.as_tensor(targets).long()
    at_least = (scores >= scores.gather(1, targets.unsqueeze(1))).sum(dim=1) - 1
    return float((at_least < k).double().mean())
