# why: rolls a copy and sets column 0.
def decoder_inputs(targets, sos_token):
    out = torch.roll(targets, shifts=1, dims=1).clone()
    out[:, 0] = sos_token
    return out
