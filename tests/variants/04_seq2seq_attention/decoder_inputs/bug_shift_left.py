# expect: start with sos_token
# why: shifts the wrong way and puts sos at the end.
def decoder_inputs(targets, sos_token):
    end = torch.full_like(targets[:, :1], sos_token)
    return torch.cat([targets[:, 1:], end], dim=1)
