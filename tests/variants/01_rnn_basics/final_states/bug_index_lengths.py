# expect: lengths[b] counts the real steps
# why: off by one: index lengths[b] instead of lengths[b] - 1.
def final_states(outputs, lengths):
    return outputs[torch.arange(len(lengths)), lengths]
