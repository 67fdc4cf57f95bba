# why: counts in a 0-d integer tensor and returns it as it is (a whole number of steps).
def steps_until(rho, threshold):
    n = torch.tensor(0)
    while not (rho ** n.item() < threshold if rho < 1 else rho ** n.item() > threshold):
        n += 1
    return n
