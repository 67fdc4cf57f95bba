# why: sums one vector of hidden_size weights per gate that has a peephole.
def peephole_extra_params(hidden_size):
    gates_with_peepholes = ("input", "forget", "output")
    return sum(hidden_size for _ in gates_with_peepholes)
