# expect: with max_length = 0 no token may be generated
# why: with max_length = 0 the empty hypothesis reaches the length normalisation, 0 / 0 ** alpha.
def beam_search(step_fn, initial_state, sos_token, eos_token, beam_width=5, max_length=50,
                length_alpha=0.7):
    active = [([], 0.0, sos_token, initial_state)]
    finished = []
    for _ in range(max_length):
        extensions = []
        for tokens, total, last, state in active:
            log_probs, new_state = step_fn(last, state)
            log_probs = torch.as_tensor(log_probs).flatten()
            top = torch.topk(log_probs, min(beam_width, log_probs.numel()))
            for log_p, token in zip(top.values.tolist(), top.indices.tolist(), strict=True):
                extensions.append((tokens + [token], total + log_p, token, new_state))
        extensions.sort(key=lambda hypothesis: hypothesis[1], reverse=True)
        active = []
        for hypothesis in extensions[:beam_width]:
            (finished if hypothesis[2] == eos_token else active).append(hypothesis)
        if not active or len(finished) >= beam_width:
            break
    candidates = finished or active
    best = max(candidates, key=lambda h: h[1] / len(h[0]) ** length_alpha)
    return best[0]
