# expect: ignores h1
# why: forgets the recurrent term when computing h2.
ex91_param_count = 32
ex91_h1 = np.array([0.0997, 0.0, 0.1974, 0.0997])
ex91_h2 = np.array([0.1974, 0.0997, 0.0, 0.0997])
