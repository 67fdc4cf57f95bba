# expect: that is the many-to-many shape
# why: the read-out applied to output (every step) instead of h_n[-1].
def many_to_one_logits_shape(batch_size, seq_len, hidden_size, num_classes):
    return (batch_size, seq_len, num_classes)
