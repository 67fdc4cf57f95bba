# expect: number of hits
# why: sums the hits instead of averaging them.
def hit_at_k(scores, targets, k=10):
    scores = torch.as_tensor(scores).double()
    targets = torch.as_tensor(targets).long()
    higher = (scores > scores.gather(1, targets.unsqueeze(1))).sum(dim=1)
    return float((higher < k).sum())
