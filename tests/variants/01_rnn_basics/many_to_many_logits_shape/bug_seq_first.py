# expect: sequence-first layout
# why: nn.RNN's default layout (T, B, ...), forgetting batch_first=True.
def many_to_many_logits_shape(batch_size, seq_len, hidden_size, vocab_size):
    return (seq_len, batch_size, vocab_size)
