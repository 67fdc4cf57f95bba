# expect: summed over time, not averaged
# why: adds the per-step losses of each sequence and averages over the batch only, as if each sequence were one example.
def train_step(model, optimizer, inputs, targets, clip=None, max_norm=1.0, clip_value=0.5):
    optimizer.zero_grad()
    logits = model(inputs)
    per_position = F.cross_entropy(logits.transpose(1, 2), targets, reduction="none")
    loss = per_position.sum(dim=1).mean()
    loss.backward()
    grad_norm = torch.linalg.vector_norm(
        torch.stack([p.grad.norm() for p in model.parameters() if p.grad is not None]))
    if clip == "norm":
        torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm)
    elif clip == "value":
        torch.nn.utils.clip_grad_value_(model.parameters(), clip_value)
    optimizer.step()
    return loss.item(), grad_norm.item()
