# expect: without a layer suffix
# why: walks bias_ih_l{k} by num_layers, which nn.LSTMCell does not have.
def set_forget_bias(lstm, value):
    H = lstm.hidden_size
    suffixes = ["", "_reverse"] if lstm.bidirectional else [""]
    with torch.no_grad():
        for layer in range(lstm.num_layers):
            for suffix in suffixes:
                getattr(lstm, f"bias_ih_l{layer}{suffix}")[H:2 * H] = value
                getattr(lstm, f"bias_hh_l{layer}{suffix}")[H:2 * H] = 0.0
