# expect: stay connected to the autograd graph
# why: picks the states in numpy, cutting the autograd graph.
def final_states(outputs, lengths):
    values = outputs.detach().numpy()
    picked = values[np.arange(values.shape[0]), lengths.numpy() - 1]
    return torch.tensor(picked)
