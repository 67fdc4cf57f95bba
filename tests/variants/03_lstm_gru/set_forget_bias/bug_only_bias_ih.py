# expect: b_ih + b_hh of the forget gate
# why: sets bias_ih's forget block and leaves bias_hh as it was, so the sum is not value.
def set_forget_bias(lstm, value):
    H = lstm.hidden_size
    with torch.no_grad():
        for name, p in lstm.named_parameters():
            if name.startswith("bias_ih"):
                p[H:2 * H] = value
