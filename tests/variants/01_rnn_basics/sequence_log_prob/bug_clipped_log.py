# expect: expected -inf
# why: clips the probabilities at 1e-12 "to avoid log(0)", so an impossible step costs only log(1e-12).
def sequence_log_prob(step_probs):
    return float(np.sum(np.log(np.clip(np.asarray(step_probs, dtype=float), 1e-12, 1.0))))
