# expect: has not crossed
# why: stops at rho**n <= threshold (or >=) instead of strictly past it.
def steps_until(rho, threshold):
    n, value = 0, 1.0
    while (value > threshold) if rho < 1 else (value < threshold):
        n += 1
        value = rho ** n
    return n
