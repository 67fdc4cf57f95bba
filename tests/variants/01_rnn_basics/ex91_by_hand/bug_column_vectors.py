# expect: ex91_h1 has shape (4, 1), expected (4,)
# why: writes the states as column vectors (4, 1), as in the textbook's notation.
ex91_param_count = 32
ex91_h1 = np.array([[0.0997], [0.0], [0.1974], [0.0997]])
ex91_h2 = np.array([[0.2448], [0.0997], [0.0984], [0.1487]])
