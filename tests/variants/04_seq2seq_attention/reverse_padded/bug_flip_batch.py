# expect: batch axis
# why: flips axis 0 instead of the time axis.
def reverse_padded(x, lengths):
    return torch.flip(x, dims=[0])
