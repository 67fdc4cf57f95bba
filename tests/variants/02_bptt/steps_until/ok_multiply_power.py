# why: keeps a running power, multiplying by rho each step (for rho > 1 flips to 1 / rho).
def steps_until(rho, threshold):
    n, power = 0, 1.0
    if rho < 1:
        while not power < threshold:
            n += 1
            power = rho ** n
    else:
        while not power > threshold:
            n += 1
            power = rho ** n
    return n
