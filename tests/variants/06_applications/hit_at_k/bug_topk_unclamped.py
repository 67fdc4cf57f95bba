# expect: k >= V
# why: torch.topk with k > V raises.
def hit_at_k(scores, targets, k=10):
    scores = torch.as_tensor(scores).double()
    targets = torch.as_tensor(targets).long()
    top = scores.topk(k, dim=1).indices
    return float((top == targets.unsqueeze(1)).any(dim=1).double().mean())
