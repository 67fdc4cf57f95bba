# expect: keep the signature
# why: the right count, but the arguments are renamed (T, D, H), so a call by keyword fails.
def rnn_multiplication_count(T, D, H):
    return T * (H * D + H * H)
