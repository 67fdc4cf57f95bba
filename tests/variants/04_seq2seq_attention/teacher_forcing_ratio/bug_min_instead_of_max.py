# expect: expected 1
# why: clamps with min, which is 0 or negative.
def teacher_forcing_ratio(step, total_steps):
    return min(0.0, 1.0 - step / total_steps)
