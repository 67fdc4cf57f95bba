# expect: two bias vectors
# why: counts PyTorch's two bias vectors although the cell of this exercise has a single b.
ex91_param_count = 36
ex91_h1 = np.array([0.0997, 0.0, 0.1974, 0.0997])
ex91_h2 = np.array([0.2448, 0.0997, 0.0984, 0.1487])
