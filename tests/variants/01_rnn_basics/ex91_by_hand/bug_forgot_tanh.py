# expect: h1 = tanh(W_xh x1)
# why: stops at the pre-activations (h1 survives the 1e-3 tolerance, h2 does not).
ex91_param_count = 32
ex91_h1 = np.array([0.1, 0.0, 0.2, 0.1])
ex91_h2 = np.array([0.25, 0.1, 0.1, 0.15])
