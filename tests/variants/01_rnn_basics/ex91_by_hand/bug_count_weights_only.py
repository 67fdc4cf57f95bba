# expect: count the entries of W_xh
# why: counts the two weight matrices and forgets the bias b (12 + 16 = 28).
ex91_param_count = 28
ex91_h1 = np.array([0.0997, 0.0, 0.1974, 0.0997])
ex91_h2 = np.array([0.2448, 0.0997, 0.0984, 0.1487])
