# expect: 2 * value
# why: writes value into both bias vectors.
def set_forget_bias(lstm, value):
    H = lstm.hidden_size
    with torch.no_grad():
        for name, p in lstm.named_parameters():
            if "bias" in name:
                p[H:2 * H] = value
