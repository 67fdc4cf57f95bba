# why: a plain loop with math.log and an exactly rounded sum; a step of probability 0 is checked first (math.log(0) raises).
def sequence_log_prob(step_probs):
    if any(p == 0 for p in step_probs):
        return -math.inf
    return math.fsum(math.log(p) for p in step_probs)
