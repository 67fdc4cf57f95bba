# expect: summed over all B*T positions, not averaged
# why: reduction="sum" instead of the mean over all positions.
def train_step(model, optimizer, inputs, targets, clip=None, max_norm=1.0, clip_value=0.5):
    optimizer.zero_grad()
    logits = model(inputs)
    loss = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), targets.reshape(-1), reduction="sum")
    loss.backward()
    norm = torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm if clip == "norm" else float("inf"))
    if clip == "value":
        torch.nn.utils.clip_grad_value_(model.parameters(), clip_value)
    optimizer.step()
    return loss.item(), norm.item()
