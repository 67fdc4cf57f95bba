# why: a one-hot mask over time, multiplied and summed.
def final_states(outputs, lengths):
    steps = torch.arange(outputs.shape[1])
    mask = (steps[None, :] == (lengths - 1)[:, None]).to(outputs.dtype)
    return (outputs * mask[:, :, None]).sum(dim=1)
