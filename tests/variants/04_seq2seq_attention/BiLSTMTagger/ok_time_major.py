# why: the LSTM in its default (T, B, ...) layout, the batch transposed in and out.
class BiLSTMTagger(nn.Module):
    def __init__(self, vocab_size, num_tags, embed_dim=32, hidden_size=32):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embed_dim)
        self.rnn = nn.LSTM(embed_dim, hidden_size, bidirectional=True)
        self.readout = nn.Linear(2 * hidden_size, num_tags)

    def forward(self, tokens):
        states, _ = self.rnn(self.embedding(tokens).transpose(0, 1))
        return self.readout(states.transpose(0, 1))
