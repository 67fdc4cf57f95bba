# expect: clamp
# why: goes negative after total_steps.
def teacher_forcing_ratio(step, total_steps):
    return 1.0 - step / total_steps
