# why: pads on the left with F.pad.
def decoder_inputs(targets, sos_token):
    return F.pad(targets[:, :-1], (1, 0), value=sos_token)
