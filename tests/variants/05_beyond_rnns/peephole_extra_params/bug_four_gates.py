# expect: the candidate g does not look at the cell
# why: adds a peephole to all four blocks, including the candidate.
def peephole_extra_params(hidden_size):
    return 4 * hidden_size
