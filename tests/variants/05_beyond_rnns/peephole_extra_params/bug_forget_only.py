# expect: three gates look at the cell
# why: reads only the forget-gate equation shown in the exercise sheet.
def peephole_extra_params(hidden_size):
    return hidden_size
