# why: builds the layers and runs them, converting the torch.Size to a tuple.
def many_to_one_logits_shape(batch_size, seq_len, hidden_size, num_classes):
    rnn = nn.RNN(2, hidden_size, batch_first=True)
    with torch.no_grad():
        _, h_n = rnn(torch.zeros(batch_size, seq_len, 2))
        return tuple(nn.Linear(hidden_size, num_classes)(h_n[-1]).shape)
