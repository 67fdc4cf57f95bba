# expect: first column
# why: multiplies x1 with the first row of W_xh instead of taking its first column.
ex91_param_count = 32
ex91_h1 = np.tanh(np.array([0.1, 0.2, 0.0, 0.0]))
ex91_h2 = np.tanh(np.array([0.0, 0.1, 0.3, 0.0]) + 0.5 * ex91_h1)
