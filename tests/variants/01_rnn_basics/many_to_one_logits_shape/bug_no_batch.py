# expect: the batch axis is missing
# why: the shape of one example's scores.
def many_to_one_logits_shape(batch_size, seq_len, hidden_size, num_classes):
    return (num_classes,)
