# expect: compare hypotheses by their score alone
# why: sorts whole (score, state, tokens) tuples: on a tie Python compares the states.
def beam_search(step_fn, initial_state, sos_token, eos_token, beam_width=5, max_length=50,
                length_alpha=0.7):
    if max_length == 0:
        return []
    active, finished = [(0.0, initial_state, [], sos_token)], []
    for _ in range(max_length):
        pool = []
        for total, state, tokens, last in active:
            log_probs, new_state = step_fn(last, state)
            for token, lp in enumerate(torch.as_tensor(log_probs).reshape(-1).tolist()):
                pool.append((total + lp, new_state, tokens + [token], token))
        kept = sorted(pool, reverse=True)[:beam_width]
        finished += [h for h in kept if h[3] == eos_token]
        active = [h for h in kept if h[3] != eos_token]
        if not active or len(finished) >= beam_width:
            break
    best = max(finished or active, key=lambda h: h[0] / len(h[2]) ** length_alpha)
    return best[2]
