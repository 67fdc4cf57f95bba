# why: the norm is clip_grad_norm_'s return value (measured before clipping) or, otherwise, computed by hand; classes moved to dim 1 for cross_entropy.
def train_step(model, optimizer, inputs, targets, clip=None, max_norm=1.0, clip_value=0.5):
    optimizer.zero_grad()
    logits = model(inputs)
    loss = F.cross_entropy(logits.transpose(1, 2), targets)
    loss.backward()
    params = [p for p in model.parameters() if p.grad is not None]
    if clip == "norm":
        grad_norm = torch.nn.utils.clip_grad_norm_(params, max_norm).item()
    else:
        grad_norm = math.sqrt(sum(p.grad.pow(2).sum().item() for p in params))
        if clip == "value":
            torch.nn.utils.clip_grad_value_(params, clip_value)
    optimizer.step()
    return loss.item(), grad_norm
