# why: exact values from a calculator, as a list and with an int from numpy.
ex91_param_count = np.int64(3 * 4 + 4 * 4 + 4)
ex91_h1 = [0.09966799, 0.0, 0.19737532, 0.09966799]
ex91_h2 = [0.24477, 0.09967, 0.09837, 0.14873]
