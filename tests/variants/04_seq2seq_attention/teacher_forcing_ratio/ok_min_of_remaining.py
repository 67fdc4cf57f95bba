# why: the remaining fraction of the schedule, written with min and a guard.
def teacher_forcing_ratio(step, total_steps):
    remaining = max(total_steps - step, 0)
    return remaining / total_steps if remaining else 0.0
