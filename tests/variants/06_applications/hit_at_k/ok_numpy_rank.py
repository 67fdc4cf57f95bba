# numpy: the target's rank as the number of strictly higher scores.
def hit_at_k(scores, targets, k=10):
    s = scores.detach().cpu().numpy() if isinstance(scores, torch.Tensor) else np.asarray(scores)
    t = targets.detach().cpu().numpy() if isinstance(targets, torch.Tensor) else np.asarray(targets)
    own = s[np.arange(len(t)), t]
    rank = (s > own[:, None]).sum(axis=1)
    return float(np.mean(rank < k))
