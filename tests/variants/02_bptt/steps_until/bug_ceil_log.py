# expect: has not crossed
# why: ceil(log(threshold) / log(rho)) is one short when rho**n lands exactly on the threshold.
def steps_until(rho, threshold):
    return math.ceil(math.log(threshold) / math.log(rho))
