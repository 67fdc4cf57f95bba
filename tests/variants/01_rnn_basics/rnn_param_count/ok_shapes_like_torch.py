# why: lists every parameter's shape the way nn.RNN names them, then multiplies them out.
def rnn_param_count(input_size, hidden_size, num_layers=1, bidirectional=False):
    shapes = []
    for layer in range(num_layers):
        fan_in = input_size if layer == 0 else hidden_size * (2 if bidirectional else 1)
        for _direction in range(2 if bidirectional else 1):
            shapes += [(hidden_size, fan_in), (hidden_size, hidden_size), (hidden_size,), (hidden_size,)]
    return sum(math.prod(s) for s in shapes)
