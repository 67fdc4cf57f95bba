# expect: true (not integer) division
# why: uses floor division.
def teacher_forcing_ratio(step, total_steps):
    return float(max(0, 1 - step // total_steps))
