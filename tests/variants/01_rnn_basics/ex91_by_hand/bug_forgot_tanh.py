# expect: the value before the tanh: apply tanh
# why: stops at the pre-activations W_xh x1 and W_xh x2 + W_hh h1, without the tanh.
ex91_param_count = 32
ex91_h1 = np.array([0.1, 0.0, 0.2, 0.1])
ex91_h2 = np.array([0.25, 0.1, 0.1, 0.15])
