# expect: returned a list
# why: the right numbers in a list.
def many_to_many_logits_shape(batch_size, seq_len, hidden_size, vocab_size):
    return [batch_size, seq_len, vocab_size]
