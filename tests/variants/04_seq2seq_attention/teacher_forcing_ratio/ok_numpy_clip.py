# why: np.clip into [0, 1], the empty schedule answered first.
def teacher_forcing_ratio(step, total_steps):
    if total_steps == 0:
        return 0.0
    return float(np.clip(1.0 - step / total_steps, 0.0, 1.0))
