# expect: the last axis is the hidden size
# why: the shape of the final state, before the read-out.
def many_to_one_logits_shape(batch_size, seq_len, hidden_size, num_classes):
    return (batch_size, hidden_size)
