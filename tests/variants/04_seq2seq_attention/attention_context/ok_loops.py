# why: explicit loops over the leading axes.
def attention_context(weights, encoder_states):
    out = np.zeros(weights.shape[:-1] + encoder_states.shape[-1:])
    for index in np.ndindex(*weights.shape[:-1]):
        for s in range(weights.shape[-1]):
            out[index] += weights[index + (s,)] * encoder_states[index + (s,)]
    return out
