# why: computed with torch, returned as a 0-d tensor's item.
def sequence_log_prob(step_probs):
    return torch.log(torch.as_tensor(np.asarray(step_probs), dtype=torch.float64)).sum().item()
