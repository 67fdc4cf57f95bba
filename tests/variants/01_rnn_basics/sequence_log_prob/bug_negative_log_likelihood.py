# expect: negative log-likelihood
# why: returns the negative log-likelihood (the loss) instead of the log-probability.
def sequence_log_prob(step_probs):
    return float(-np.sum(np.log(step_probs)))
