# why: logarithm first, then a correction checked against the definition.
def steps_until(rho, threshold):
    def crossed(n):
        return rho ** n < threshold if rho < 1 else rho ** n > threshold
    n = max(0, int(math.log(threshold) / math.log(rho)))
    while n > 0 and crossed(n - 1):
        n -= 1
    while not crossed(n):
        n += 1
    return n
