# expect: that is the probability of the sequence
# why: returns the probability of the sequence, not its log.
def sequence_log_prob(step_probs):
    return float(np.prod(step_probs))
