# why: np.clip into [0, 1].
def teacher_forcing_ratio(step, total_steps):
    return float(np.clip(1.0 - step / total_steps, 0.0, 1.0))
