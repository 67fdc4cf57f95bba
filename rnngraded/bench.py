"""Grading-time budgets: autograde time of each chapter's solution against the *floor*, the
same nbgrader autograde of a notebook that only imports numpy, torch and matplotlib."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from nbformat.v4 import new_code_cell, new_notebook

from rnngraded import course, notebooks

FLOOR = "00_floor"


def floor_notebook():
    cell = new_code_cell("import matplotlib.pyplot as plt\nimport numpy as np\nimport torch")
    test = new_code_cell("assert np is not None and torch is not None and plt is not None")
    test.metadata = {"nbgrader": {"grade": True, "solution": False, "locked": True,
                                  "grade_id": "floor_tests", "points": 1, "schema_version": 3}}
    nb = new_notebook(cells=[cell, test])
    nb.metadata = {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                  "language": "python"}}
    return nb


def time_autograde(folder: Path, assignment: str, submission, repeats: int) -> list[float]:
    notebook = course.notebook_name(folder, assignment)
    notebooks.write(submission, folder / "submitted" / "bench" / assignment / f"{notebook}.ipynb")
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        course.nbgrader(["autograde", assignment, "--force"], cwd=folder)
        times.append(time.perf_counter() - start)
    return times


def run(root: Path, chapters: list[str] | None = None, repeats: int = 3) -> dict[str, float]:
    """Median autograde seconds for the floor and each chapter's reference answers."""
    chapters = chapters or course.assignments(root)
    with tempfile.TemporaryDirectory(prefix="rnngraded-bench-") as tmp:
        folder = Path(tmp)
        notebooks.write(floor_notebook(), folder / "source" / FLOOR / f"{FLOOR}.ipynb")
        course.make_scratch_course(root, folder, chapters)
        course.nbgrader(["generate_assignment", FLOOR, "--force"], cwd=folder)
        medians = {FLOOR: statistics.median(
            time_autograde(folder, FLOOR, notebooks.read(folder / "release" / FLOOR /
                                                         f"{FLOOR}.ipynb"), repeats))}
        for chapter in chapters:
            source = course.source_notebook(root, chapter)
            release = course.release_notebook(folder, chapter)
            answers = {notebooks.grade_id(c): c.source for c in source.cells
                       if notebooks.nbgrader_meta(c).get("solution", False)}
            submission = notebooks.with_answers(release, answers)
            medians[chapter] = statistics.median(
                time_autograde(folder, chapter, submission, repeats))
        return medians


def report(medians: dict[str, float]) -> str:
    floor = medians[FLOOR]
    lines = [f"{'notebook':<24} {'autograde (s)':>14} {'x floor':>8}"]
    for name, seconds in medians.items():
        lines.append(f"{name:<24} {seconds:>14.2f} {seconds / floor:>8.2f}")
    return "\n".join(lines)
