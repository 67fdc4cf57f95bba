# why: ascending sorts, so that on a tie the later hypothesis (the higher token) wins.
def beam_search(step_fn, initial_state, sos_token, eos_token, beam_width=5, max_length=50,
                length_alpha=0.7):
    if max_length == 0:
        return []
    active, finished = [((), 0.0, sos_token, initial_state)], []
    for _ in range(max_length):
        pool = []
        for tokens, total, last, state in active:
            log_probs, new_state = step_fn(last, state)
            for token, lp in enumerate(torch.as_tensor(log_probs).reshape(-1).tolist()):
                pool.append((tokens + (token,), total + lp, token, new_state))
        pool.sort(key=lambda h: h[1])
        kept = pool[-beam_width:][::-1]
        finished += [h for h in kept if h[2] == eos_token]
        active = [h for h in kept if h[2] != eos_token]
        if not active or len(finished) >= beam_width:
            break
    candidates = sorted(finished or active, key=lambda h: h[1] / len(h[0]) ** length_alpha)
    return list(candidates[-1][0])
