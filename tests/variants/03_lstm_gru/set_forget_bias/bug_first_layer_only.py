# expect: every layer and both directions
# why: only touches bias_ih_l0 and bias_hh_l0 (or the cell's biases).
def set_forget_bias(lstm, value):
    H = lstm.hidden_size
    ih = getattr(lstm, "bias_ih_l0", None)
    ih = ih if ih is not None else lstm.bias_ih
    hh = getattr(lstm, "bias_hh_l0", None)
    hh = hh if hh is not None else lstm.bias_hh
    with torch.no_grad():
        ih[H:2 * H] = value
        hh[H:2 * H] = 0.0
