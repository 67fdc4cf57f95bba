# expect: drop the last target token
# why: prepends sos without dropping the last token.
def decoder_inputs(targets, sos_token):
    start = torch.full_like(targets[:, :1], sos_token)
    return torch.cat([start, targets], dim=1)
