# expect: at least 4 decimals
# why: rounds to two decimals although at least four are asked for.
ex91_param_count = 32
ex91_h1 = np.array([0.10, 0.00, 0.20, 0.10])
ex91_h2 = np.array([0.24, 0.10, 0.10, 0.15])
