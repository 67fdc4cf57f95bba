# expect: not its final states
# why: the final states of both directions, the same at every position (a classifier's input).
class BiLSTMTagger(nn.Module):
    def __init__(self, vocab_size, num_tags, embed_dim=32, hidden_size=32):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, embed_dim)
        self.lstm = nn.LSTM(embed_dim, hidden_size, batch_first=True, bidirectional=True)
        self.emit = nn.Linear(2 * hidden_size, num_tags)

    def forward(self, tokens):
        _, (h, _) = self.lstm(self.embed(tokens))
        summary = torch.cat([h[0], h[1]], dim=-1)
        return self.emit(summary).unsqueeze(1).expand(-1, tokens.shape[1], -1)
