# expect: clip_grad_norm_
# why: adds the arrays' norms instead of taking the norm of everything together.
def clip_gradients(grads, max_norm):
    total = sum(np.linalg.norm(g) for g in grads)
    scale = max_norm / total if total > max_norm else 1.0
    return [g * scale for g in grads]
