# expect: returned a list
# why: the right numbers in a list.
def many_to_one_logits_shape(batch_size, seq_len, hidden_size, num_classes):
    return [batch_size, num_classes]
