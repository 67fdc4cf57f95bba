# expect: underflows
# why: multiplies the probabilities first, then takes the log.
def sequence_log_prob(step_probs):
    return float(np.log(np.prod(step_probs)))
