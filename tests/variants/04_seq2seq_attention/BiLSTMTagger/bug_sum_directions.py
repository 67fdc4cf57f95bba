# expect: 2 * hidden_size
# why: adds the two directions' states instead of concatenating them.
class BiLSTMTagger(nn.Module):
    def __init__(self, vocab_size, num_tags, embed_dim=32, hidden_size=32):
        super().__init__()
        self.hidden_size = hidden_size
        self.embed = nn.Embedding(vocab_size, embed_dim)
        self.lstm = nn.LSTM(embed_dim, hidden_size, batch_first=True, bidirectional=True)
        self.emit = nn.Linear(hidden_size, num_tags)

    def forward(self, tokens):
        states, _ = self.lstm(self.embed(tokens))
        H = self.hidden_size
        return self.emit(states[..., :H] + states[..., H:])
