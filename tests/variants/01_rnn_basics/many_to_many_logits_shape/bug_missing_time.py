# expect: time axis is missing
# why: one score vector per sequence, as if the model were many-to-one.
def many_to_many_logits_shape(batch_size, seq_len, hidden_size, vocab_size):
    return (batch_size, vocab_size)
