# why: a plain loop with math.log and an exactly rounded sum.
def sequence_log_prob(step_probs):
    return math.fsum(math.log(p) for p in step_probs)
