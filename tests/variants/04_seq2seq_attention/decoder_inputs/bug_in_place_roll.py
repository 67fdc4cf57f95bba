# expect: changed targets in place
# why: rolls the caller's tensor in place.
def decoder_inputs(targets, sos_token):
    targets[:] = torch.roll(targets, 1, dims=1)
    targets[:, 0] = sos_token
    return targets
