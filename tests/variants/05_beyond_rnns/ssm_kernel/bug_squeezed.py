# expect: length 1 gives the single term
# why: works with column vectors and squeezes the stacked terms, which leaves a 0-d tensor for length 1.
def ssm_kernel(A, B, C, length):
    terms, v = [], B.reshape(-1, 1)
    for _ in range(length):
        terms.append(C @ v)
        v = A @ v
    return torch.stack(terms).squeeze()
