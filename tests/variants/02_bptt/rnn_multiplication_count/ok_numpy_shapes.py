# why: reads the costs off the weight shapes with numpy and returns an np.int64.
def rnn_multiplication_count(seq_len, input_size, hidden_size):
    shapes = np.array([[hidden_size, input_size], [hidden_size, hidden_size]])
    return np.int64(seq_len) * np.prod(shapes, axis=1).sum()
