# why: builds the layers and runs them on a dummy batch; a torch.Size is a tuple.
def many_to_many_logits_shape(batch_size, seq_len, hidden_size, vocab_size):
    rnn = nn.RNN(5, hidden_size, batch_first=True)
    readout = nn.Linear(hidden_size, vocab_size)
    with torch.no_grad():
        output, _ = rnn(torch.zeros(batch_size, seq_len, 5))
        return readout(output).shape
