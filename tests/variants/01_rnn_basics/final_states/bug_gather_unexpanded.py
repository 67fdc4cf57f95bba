# expect: one state per sequence
# why: gather with an index of shape (B, 1, 1): one number per row instead of a whole state.
def final_states(outputs, lengths):
    index = (lengths - 1).view(-1, 1, 1)
    return outputs.gather(1, index).squeeze(1)
