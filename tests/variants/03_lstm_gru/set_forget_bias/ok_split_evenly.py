# why: splits the value evenly between the two biases, through .data.
def set_forget_bias(lstm, value):
    H = lstm.hidden_size
    for name, p in lstm.named_parameters():
        if name.startswith("bias"):
            p.data[H:2 * H].fill_(value / 2)
