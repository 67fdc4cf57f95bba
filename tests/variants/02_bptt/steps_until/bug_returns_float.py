# expect: not a whole number
# why: returns the real-valued solution of rho**n = threshold.
def steps_until(rho, threshold):
    return math.log(threshold) / math.log(rho)
