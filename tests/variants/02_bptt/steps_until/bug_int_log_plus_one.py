# expect: has not crossed
# why: int(log(threshold) / log(rho)) + 1 is right between two powers, but a landing whose logarithm ratio rounds to just below a whole number (1.5**7) comes out one short.
def steps_until(rho, threshold):
    return int(math.log(threshold) / math.log(rho)) + 1
