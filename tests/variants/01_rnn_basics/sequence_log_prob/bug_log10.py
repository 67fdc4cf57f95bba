# expect: base 10
# why: uses the base-10 logarithm.
def sequence_log_prob(step_probs):
    return float(np.sum(np.log10(step_probs)))
