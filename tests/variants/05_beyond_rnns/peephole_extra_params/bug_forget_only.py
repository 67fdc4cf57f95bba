# expect: three gates look at the cell
# why: counts a peephole on the forget gate only.
def peephole_extra_params(hidden_size):
    return hidden_size
