# why: multiplies step by step (no logarithms).
def steps_until(rho, threshold):
    n, value = 0, 1.0
    while not (value < threshold if rho < 1 else value > threshold):
        n += 1
        value = rho ** n
    return n
