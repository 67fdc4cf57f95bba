# expect: every entry of a shape is an int
# why: sizes computed with true division come back as floats.
def many_to_many_logits_shape(batch_size, seq_len, hidden_size, vocab_size):
    tokens = batch_size * seq_len
    return (tokens / seq_len, tokens / batch_size, vocab_size)
