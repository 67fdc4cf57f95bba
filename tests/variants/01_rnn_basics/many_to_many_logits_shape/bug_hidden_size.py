# expect: the last axis is the hidden size
# why: the shape of the RNN's output, before the read-out layer.
def many_to_many_logits_shape(batch_size, seq_len, hidden_size, vocab_size):
    return (batch_size, seq_len, hidden_size)
