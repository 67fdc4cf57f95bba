# expect: not bidirectional
# why: a left-to-right LSTM only.
class BiLSTMTagger(nn.Module):
    def __init__(self, vocab_size, num_tags, embed_dim=32, hidden_size=32):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, embed_dim)
        self.lstm = nn.LSTM(embed_dim, hidden_size, batch_first=True)
        self.emit = nn.Linear(hidden_size, num_tags)

    def forward(self, tokens):
        return self.emit(self.lstm(self.embed(tokens))[0])
