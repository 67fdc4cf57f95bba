# expect: math.log(0) raises
# why: a plain loop with math.log, which raises ValueError for a step of probability 0 instead of giving -inf.
def sequence_log_prob(step_probs):
    total = 0.0
    for p in step_probs:
        total += math.log(p)
    return total
