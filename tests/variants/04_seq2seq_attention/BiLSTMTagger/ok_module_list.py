# why: the three layers kept in an nn.ModuleList.
class BiLSTMTagger(nn.Module):
    def __init__(self, vocab_size, num_tags, embed_dim=32, hidden_size=32):
        super().__init__()
        self.layers = nn.ModuleList([
            nn.Embedding(vocab_size, embed_dim),
            nn.LSTM(embed_dim, hidden_size, batch_first=True, bidirectional=True),
            nn.Linear(2 * hidden_size, num_tags),
        ])

    def forward(self, tokens):
        embed, lstm, linear = self.layers
        return linear(lstm(embed(tokens))[0])
