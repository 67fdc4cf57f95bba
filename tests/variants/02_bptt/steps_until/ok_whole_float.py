# why: works in numpy floats throughout and returns n as a whole-valued np.float64.
def steps_until(rho, threshold):
    n = max(np.floor(np.log(threshold) / np.log(rho)) - 1.0, 0.0)
    while not (rho ** n < threshold if rho < 1 else rho ** n > threshold):
        n += 1.0
    return n
