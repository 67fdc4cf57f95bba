# expect: called nn.LSTMCell during forward
# why: hands its parameters to a torch nn.LSTMCell instead of writing the gates.
class MyLSTMCell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        k = hidden_size ** -0.5
        self.input_size, self.hidden_size = input_size, hidden_size
        self.weight_ih = nn.Parameter(torch.empty(4 * hidden_size, input_size).uniform_(-k, k))
        self.weight_hh = nn.Parameter(torch.empty(4 * hidden_size, hidden_size).uniform_(-k, k))
        self.bias_ih = nn.Parameter(torch.empty(4 * hidden_size).uniform_(-k, k))
        self.bias_hh = nn.Parameter(torch.empty(4 * hidden_size).uniform_(-k, k))

    def forward(self, x, state=None):
        cell = nn.LSTMCell(self.input_size, self.hidden_size).to(x.dtype)
        cell.weight_ih, cell.weight_hh = self.weight_ih, self.weight_hh
        cell.bias_ih, cell.bias_hh = self.bias_ih, self.bias_hh
        return cell(x, state)
