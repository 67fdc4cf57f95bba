# why: the count written as the sum it comes from, the states as tuples of five-decimal values.
ex91_param_count = 4 * 3 + 4 * 4 + 4
ex91_h1 = (0.09967, 0, 0.19738, 0.09967)
ex91_h2 = (0.24477, 0.09967, 0.09838, 0.14873)
