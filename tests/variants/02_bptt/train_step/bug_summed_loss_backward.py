# expect: summed over all B*T positions, not averaged
# why: reports the mean loss but calls backward() on the sum, so every gradient is B*T times too large.
def train_step(model, optimizer, inputs, targets, clip=None, max_norm=1.0, clip_value=0.5):
    optimizer.zero_grad()
    logits = model(inputs)
    total = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), targets.reshape(-1), reduction="sum")
    total.backward()
    grad_norm = torch.linalg.vector_norm(
        torch.stack([p.grad.norm() for p in model.parameters() if p.grad is not None]))
    if clip == "norm":
        torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm)
    elif clip == "value":
        torch.nn.utils.clip_grad_value_(model.parameters(), clip_value)
    optimizer.step()
    return (total / targets.numel()).item(), grad_norm.item()
