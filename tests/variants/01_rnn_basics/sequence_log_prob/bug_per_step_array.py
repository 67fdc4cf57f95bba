# expect: single number
# why: returns the per-step log-probabilities instead of their sum.
def sequence_log_prob(step_probs):
    return np.log(np.asarray(step_probs, dtype=float))
