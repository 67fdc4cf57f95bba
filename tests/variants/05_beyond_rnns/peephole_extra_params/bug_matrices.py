# expect: element-wise
# why: counts each peephole as a full hidden_size x hidden_size matrix.
def peephole_extra_params(hidden_size):
    return 3 * hidden_size * hidden_size
