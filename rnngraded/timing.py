"""How long the reference solution takes, cell by cell, under grading.

The grader records each cell's wall time in the autograded notebook
(``cell.metadata["rnngraded"]["seconds"]``). ``python -m rnngraded bench`` grades every
chapter's reference answers and saves the median times of its graded and locked cells in
``reference_times.json`` beside this module, with a digest of the chapter's source notebook.
A timeout message then tells the student how long the reference takes in the same cell, as long
as the source has not changed since (otherwise the number is left out).
"""

from __future__ import annotations

import hashlib
import json
import statistics
from functools import cache
from pathlib import Path

from rnngraded import notebooks

TIMES_FILE = Path(__file__).with_name("reference_times.json")


def cell_seconds(nb) -> dict[str, float]:
    """Per grade_id, the seconds the grader recorded for that cell of an autograded notebook."""
    found = {}
    for cell in nb.cells:
        seconds = cell.get("metadata", {}).get("rnngraded", {}).get("seconds")
        if notebooks.grade_id(cell) and seconds is not None:
            found[notebooks.grade_id(cell)] = float(seconds)
    return found


def source_digest(path: Path) -> str:
    """A digest of what runs: the cells' types and sources (not the notebook's metadata)."""
    cells = json.loads(Path(path).read_text())["cells"]
    ran = [(c["cell_type"], "".join(c["source"])) for c in cells]
    return hashlib.sha256(json.dumps(ran).encode()).hexdigest()


def record(chapter: str, source: Path, runs: list[dict[str, float]], target: Path = TIMES_FILE
           ) -> None:
    """Save the median of several runs' :func:`cell_seconds` for one chapter."""
    data = json.loads(target.read_text()) if target.exists() else {}
    cells = sorted({cell for run in runs for cell in run})
    data[chapter] = {"source_sha256": source_digest(source),
                     "seconds": {cell: round(statistics.median(run[cell] for run in runs
                                                               if cell in run), 2)
                                 for cell in cells}}
    target.write_text(json.dumps(dict(sorted(data.items())), indent=1) + "\n")


@cache
def _load() -> dict:
    return json.loads(TIMES_FILE.read_text()) if TIMES_FILE.exists() else {}


def reference_seconds(chapter: str, grade_id: str | None, source: Path | None) -> float | None:
    """The reference's time for a cell, if it was measured on this very source notebook."""
    entry = _load().get(chapter)
    if not entry or not grade_id or source is None or not Path(source).is_file():
        return None
    if entry.get("source_sha256") != source_digest(source):
        return None
    return entry["seconds"].get(grade_id)
