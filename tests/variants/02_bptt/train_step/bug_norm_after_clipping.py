# expect: measure the norm BEFORE clipping
# why: measures the gradient norm after clipping it.
def train_step(model, optimizer, inputs, targets, clip=None, max_norm=1.0, clip_value=0.5):
    optimizer.zero_grad()
    logits = model(inputs)
    loss = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), targets.reshape(-1))
    loss.backward()
    if clip == "norm":
        torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm)
    elif clip == "value":
        torch.nn.utils.clip_grad_value_(model.parameters(), clip_value)
    norm = torch.norm(torch.stack([p.grad.norm() for p in model.parameters()]))
    optimizer.step()
    return loss.item(), norm.item()
