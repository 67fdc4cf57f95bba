# why: returns numpy's float64 from np.log(...).sum() without converting.
def sequence_log_prob(step_probs):
    return np.log(step_probs).sum()
