# expect: steps_until(0.5, 2)
# why: starts counting at n = 1, so it never answers 0.
def steps_until(rho, threshold):
    n = 1
    while not ((rho ** n < threshold) if rho < 1 else (rho ** n > threshold)):
        n += 1
    return n
