# expect: should be a Tensor
# why: builds the mask with numpy and returns the numpy array.
def causal_mask(T):
    return np.triu(np.ones((T, T), dtype=bool), k=1)
