# why: clip_grad_norm_ returns the total norm before clipping; max_norm=inf measures without clipping.
def train_step(model, optimizer, inputs, targets, clip=None, max_norm=1.0, clip_value=0.5):
    model.zero_grad(set_to_none=True)
    logits = model(inputs)
    loss = F.cross_entropy(logits.flatten(0, 1), targets.flatten())
    loss.backward()
    limit = max_norm if clip == "norm" else float("inf")
    grad_norm = torch.nn.utils.clip_grad_norm_(model.parameters(), limit)
    if clip == "value":
        torch.nn.utils.clip_grad_value_(model.parameters(), clip_value)
    optimizer.step()
    return float(loss), float(grad_norm)
