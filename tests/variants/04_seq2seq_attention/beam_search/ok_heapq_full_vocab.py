# why: extends by the whole vocabulary and keeps the best with heapq.
import heapq

def beam_search(step_fn, initial_state, sos_token, eos_token, beam_width=5, max_length=50,
                length_alpha=0.7):
    if max_length <= 0:
        return []
    beams = [(0.0, (), sos_token, initial_state)]
    done = []
    for _ in range(max_length):
        pool = []
        for total, seq, last, state in beams:
            log_probs, state = step_fn(last, state)
            for token, lp in enumerate(torch.as_tensor(log_probs).reshape(-1).tolist()):
                pool.append((total + lp, seq + (token,), token, state))
        best = heapq.nlargest(beam_width, pool, key=lambda c: c[0])
        done += [c for c in best if c[2] == eos_token]
        beams = [c for c in best if c[2] != eos_token]
        if not beams or len(done) >= beam_width:
            break
    winner = max(done if done else beams, key=lambda c: c[0] / len(c[1]) ** length_alpha)
    return list(winner[1])
