# expect: instead of shifting
# why: overwrites the first token instead of shifting.
def decoder_inputs(targets, sos_token):
    out = targets.clone()
    out[:, 0] = sos_token
    return out
