# expect: averaged
# why: the mean of the log-probabilities (a per-token score) instead of their sum.
def sequence_log_prob(step_probs):
    return float(np.mean(np.log(step_probs)))
