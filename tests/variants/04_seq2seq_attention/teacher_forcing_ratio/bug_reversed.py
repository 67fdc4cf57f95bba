# expect: 1 - step / total_steps
# why: grows from 0 to 1 instead of decaying.
def teacher_forcing_ratio(step, total_steps):
    return min(1.0, step / total_steps)
