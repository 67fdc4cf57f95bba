# expect: has shape
# why: sums over the feature axis.
def attention_context(weights, encoder_states):
    return (weights[..., None] * encoder_states).sum(axis=-1)
