# why: a tuple of numpy ints, built from an array.
def many_to_many_logits_shape(batch_size, seq_len, hidden_size, vocab_size):
    sizes = np.array([batch_size, seq_len, hidden_size, vocab_size])
    return tuple(sizes[[0, 1, 3]])
