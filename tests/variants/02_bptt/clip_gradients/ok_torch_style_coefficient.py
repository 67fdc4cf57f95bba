# why: torch's recipe: coefficient max_norm / (norm + 1e-6) clamped at 1, norm accumulated in a loop.
def clip_gradients(grads, max_norm):
    total_sq = 0.0
    for g in grads:
        total_sq += float((np.asarray(g, dtype=float) ** 2).sum())
    coef = min(1.0, max_norm / (math.sqrt(total_sq) + 1e-6))
    return [np.asarray(g, dtype=float) * coef for g in grads]
