# why: a row vector per example with matmul.
def attention_context(weights, encoder_states):
    return (weights[..., None, :] @ encoder_states)[..., 0, :]
