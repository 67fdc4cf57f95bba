# expect: has not crossed
# why: rounds log(threshold) / log(rho) to the nearest integer, which can land one step short.
def steps_until(rho, threshold):
    return max(0, round(math.log(threshold) / math.log(rho)))
