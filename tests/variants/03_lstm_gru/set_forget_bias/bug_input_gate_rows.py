# expect: rows 0:H, the input gate
# why: thinks the forget gate comes first.
def set_forget_bias(lstm, value):
    H = lstm.hidden_size
    with torch.no_grad():
        for name, p in lstm.named_parameters():
            if name.startswith("bias_ih"):
                p[:H] = value
            elif name.startswith("bias_hh"):
                p[:H] = 0.0
