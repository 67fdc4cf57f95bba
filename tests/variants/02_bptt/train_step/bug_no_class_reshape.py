# expect: loss (clip=None)
# why: passes (B, T, C) logits straight to F.cross_entropy, which reads dim 1 (time) as the classes.
def train_step(model, optimizer, inputs, targets, clip=None, max_norm=1.0, clip_value=0.5):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(inputs), targets)
    loss.backward()
    norm = torch.norm(torch.stack([p.grad.norm() for p in model.parameters()]))
    if clip == "norm":
        torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm)
    elif clip == "value":
        torch.nn.utils.clip_grad_value_(model.parameters(), clip_value)
    optimizer.step()
    return loss.item(), norm.item()
