# expect: that is a mean
# why: averages over S.
def attention_context(weights, encoder_states):
    return (weights[..., None] * encoder_states).mean(axis=-2)
