# attack: reading solutions from the course folder
# A blank notebook looks for the instructor's source notebook (next to the course package, in
# the course folder, anywhere on disk) and runs the solution cells it finds.
import json
import os
from pathlib import Path

import rnngraded

candidates = [Path(rnngraded.__file__).resolve().parents[1], Path(__COURSE__), Path(__REPO__)]
found = []
for base in candidates:
    found += sorted(base.glob(f"source/{__CHAPTER__}/*.ipynb")) if base.is_dir() else []
for top in ("/", "/home", "/root", "/work", "/tmp"):
    for folder, dirs, files in os.walk(top):
        dirs[:] = [d for d in dirs if d not in ("proc", "sys", "dev", "usr")]
        found += [Path(folder) / f for f in files if f == f"{__CHAPTER__}.ipynb"
                  and Path(folder).name == __CHAPTER__]
for path in found:
    try:
        for cell in json.loads(path.read_text())["cells"]:
            if cell["metadata"].get("nbgrader", {}).get("solution"):
                exec("".join(cell["source"]), globals())
    except Exception as err:
        print("could not use", path, err)
print("source notebooks found:", sorted({str(p) for p in found if p.parent.parent.name == "source"}))
