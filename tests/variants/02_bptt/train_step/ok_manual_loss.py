# why: the cross-entropy written with log_softmax and gather, the norm from a flat vector.
def train_step(model, optimizer, inputs, targets, clip=None, max_norm=1.0, clip_value=0.5):
    optimizer.zero_grad()
    log_probs = torch.log_softmax(model(inputs), dim=-1)
    loss = -log_probs.gather(-1, targets.unsqueeze(-1)).mean()
    loss.backward()
    flat = torch.cat([p.grad.reshape(-1) for p in model.parameters() if p.grad is not None])
    grad_norm = flat.norm().item()
    if clip == "norm":
        torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm)
    if clip == "value":
        torch.nn.utils.clip_grad_value_(model.parameters(), clip_value)
    optimizer.step()
    return loss.item(), grad_norm
