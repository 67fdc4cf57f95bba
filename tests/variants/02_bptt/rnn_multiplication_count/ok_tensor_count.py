# why: counts with torch, returns a 0-d integer tensor.
def rnn_multiplication_count(seq_len, input_size, hidden_size):
    return torch.tensor(seq_len) * hidden_size * (input_size + hidden_size)
