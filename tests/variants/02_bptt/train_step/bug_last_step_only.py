# expect: over all B*T positions
# why: scores only the last time step's prediction, as in a many-to-one model.
def train_step(model, optimizer, inputs, targets, clip=None, max_norm=1.0, clip_value=0.5):
    optimizer.zero_grad()
    logits = model(inputs)
    loss = F.cross_entropy(logits[:, -1], targets[:, -1])
    loss.backward()
    norm = torch.norm(torch.stack([p.grad.norm() for p in model.parameters()]))
    if clip == "norm":
        torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm)
    elif clip == "value":
        torch.nn.utils.clip_grad_value_(model.parameters(), clip_value)
    optimizer.step()
    return loss.item(), norm.item()
