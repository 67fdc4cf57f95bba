# expect: should be an int
# why: the right count, computed as a float.
def peephole_extra_params(hidden_size):
    return 3.0 * hidden_size
