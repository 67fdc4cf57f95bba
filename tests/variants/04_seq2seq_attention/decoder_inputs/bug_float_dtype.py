# expect: keep the targets' dtype
# why: builds the sos column with torch.ones, a float tensor.
def decoder_inputs(targets, sos_token):
    start = torch.ones(targets.shape[0], 1) * sos_token
    return torch.cat([start, targets[:, :-1]], dim=1)
