# expect: pair them up
# why: weights @ states pairs every row with every example.
def attention_context(weights, encoder_states):
    return weights @ encoder_states
