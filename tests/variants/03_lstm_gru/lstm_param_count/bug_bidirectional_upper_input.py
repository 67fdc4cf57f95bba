# expect: its input size is 2 * hidden_size
# why: upper layers read hidden_size features even when the stack is bidirectional.
def lstm_param_count(input_size, hidden_size, num_layers=1, bidirectional=False):
    directions = 2 if bidirectional else 1
    total = 0
    for layer in range(num_layers):
        layer_input = input_size if layer == 0 else hidden_size
        total += directions * 4 * (hidden_size * (layer_input + hidden_size) + 2 * hidden_size)
    return total
