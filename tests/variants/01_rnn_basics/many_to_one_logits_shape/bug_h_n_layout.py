# expect: keeps h_n's layer axis
# why: the read-out applied to h_n itself, (num_layers, B, H), instead of h_n[-1].
def many_to_one_logits_shape(batch_size, seq_len, hidden_size, num_classes):
    return (1, batch_size, num_classes)
