# expect: renormalised
# why: divides by the sum of the weights.
def attention_context(weights, encoder_states):
    weights = weights / weights.sum(axis=-1, keepdims=True)
    return np.einsum("...s,...sh->...h", weights, encoder_states)
