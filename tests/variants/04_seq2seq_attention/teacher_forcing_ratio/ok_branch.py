# why: an explicit branch.
def teacher_forcing_ratio(step, total_steps):
    if step >= total_steps:
        return 0.0
    return (total_steps - step) / total_steps
