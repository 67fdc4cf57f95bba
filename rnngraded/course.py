"""The course directory and nbgrader: releases, autograding and reading grades back.

Everything here drives nbgrader's own command line and gradebook API. A *scratch course* is
a throw-away copy of the course (config and sources) where submissions are graded without
touching the class gradebook: ``make check`` and the test suite grade there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from nbformat import NotebookNode

from rnngraded import notebooks

CONFIG_FILE = "nbgrader_config.py"


def find_root(start: Path | None = None) -> Path:
    """The course root: the nearest folder at or above ``start`` holding nbgrader_config.py."""
    start = Path(start or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_FILE).is_file() and (folder / "source").is_dir():
            return folder
    raise FileNotFoundError(f"no {CONFIG_FILE} with a source/ folder at or above {start}")


def tool_env(threads: int | None = None) -> dict[str, str]:
    """The environment for nbgrader: this Python's bin/ first on PATH (nbgrader runs
    ``alembic`` and ``jupyter`` by name)."""
    env = dict(os.environ)
    bin_dir = str(Path(sys.executable).parent)
    env["PATH"] = bin_dir + os.pathsep + env.get("PATH", "")
    if threads:
        for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
            env[var] = str(threads)
    return env


def nbgrader(args: list[str], cwd: Path, threads: int | None = None, quiet: bool = True):
    """Run ``nbgrader ARGS`` in ``cwd``; raise with nbgrader's own output if it fails."""
    command = [str(Path(sys.executable).parent / "nbgrader"), *args]
    if quiet:
        command.append("--log-level=WARN")
    result = subprocess.run(command, cwd=cwd, env=tool_env(threads), capture_output=True,
                            text=True)
    if result.returncode != 0:
        raise RuntimeError(
            f"nbgrader {' '.join(args)} failed in {cwd} (exit {result.returncode}):\n"
            f"{result.stdout}\n{result.stderr}"
        )
    return result


def assignments(root: Path) -> list[str]:
    """Assignment ids: the folders of source/ that hold a notebook."""
    return sorted(p.name for p in (root / "source").iterdir()
                  if p.is_dir() and any(p.glob("*.ipynb")))


def notebook_name(root: Path, assignment: str) -> str:
    """The (single) notebook of an assignment, without extension."""
    found = sorted(p.stem for p in (root / "source" / assignment).glob("*.ipynb"))
    if len(found) != 1:
        raise ValueError(f"source/{assignment} should hold exactly one notebook, found {found}")
    return found[0]


def source_notebook(root: Path, assignment: str) -> NotebookNode:
    return notebooks.read(root / "source" / assignment / f"{notebook_name(root, assignment)}.ipynb")


def release_notebook(root: Path, assignment: str) -> NotebookNode:
    name = notebook_name(root, assignment)
    return notebooks.read(root / "release" / assignment / f"{name}.ipynb")


def generate_release(root: Path, assignment: str) -> None:
    nbgrader(["generate_assignment", assignment, "--force"], cwd=root)


# --- reading grades -----------------------------------------------------------------------


@dataclass
class CellGrade:
    grade_id: str
    score: float | None  # None: manually graded and not graded yet
    max_score: float
    auto: bool
    message: str | None = None


@dataclass
class SubmissionGrade:
    student: str
    assignment: str
    cells: list[CellGrade] = field(default_factory=list)

    @property
    def auto_score(self) -> float:
        return sum(c.score or 0.0 for c in self.cells if c.auto)

    @property
    def auto_max(self) -> float:
        return sum(c.max_score for c in self.cells if c.auto)

    @property
    def score(self) -> float:
        return sum(c.score or 0.0 for c in self.cells)

    @property
    def max_score(self) -> float:
        return sum(c.max_score for c in self.cells)

    @property
    def manual_pending(self) -> int:
        return sum(1 for c in self.cells if c.score is None)

    def lost(self) -> list[CellGrade]:
        return [c for c in self.cells if c.auto and (c.score or 0.0) < c.max_score]


def read_grades(course: Path, assignment: str, students: list[str] | None = None,
                ) -> dict[str, SubmissionGrade]:
    """Per student, the grade of every graded cell, with the error message of failed tests."""
    from nbgrader.api import Gradebook, MissingEntry

    results: dict[str, SubmissionGrade] = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        names = students if students is not None else [s.id for s in gb.students]
        for student in names:
            try:
                submission = gb.find_submission(assignment, student)
            except MissingEntry:
                continue
            grade = SubmissionGrade(student, assignment)
            for nb in submission.notebooks:
                path = course / "autograded" / student / assignment / f"{nb.name}.ipynb"
                graded_nb = notebooks.read(path) if path.exists() else None
                messages = notebooks.error_messages(graded_nb) if graded_nb else {}
                order = [notebooks.grade_id(c) for c in graded_nb.cells] if graded_nb else []

                def position(g, order=order):
                    return (order.index(g.name) if g.name in order else len(order), g.name)

                for g in sorted(nb.grades, key=position):
                    auto = g.cell.cell_type == "code" and g.auto_score is not None
                    score = g.manual_score if g.manual_score is not None else g.auto_score
                    grade.cells.append(CellGrade(g.name, score, float(g.max_score), auto,
                                                 messages.get(g.name)))
            results[student] = grade
    return results


# --- scratch courses ----------------------------------------------------------------------


def make_scratch_course(root: Path, folder: Path, assignment_ids: list[str]) -> Path:
    """Copy the config and the given sources into ``folder`` and generate their releases."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(root / CONFIG_FILE, folder / CONFIG_FILE)
    for assignment in assignment_ids:
        shutil.copytree(root / "source" / assignment, folder / "source" / assignment,
                        dirs_exist_ok=True)
        nbgrader(["generate_assignment", assignment, "--force"], cwd=folder)
    return folder


def grade_in_course(course: Path, assignment: str, submissions: dict[str, NotebookNode],
                    notebook: str, threads: int | None = None) -> dict[str, SubmissionGrade]:
    """Write the submissions into ``course`` and autograde them in one nbgrader run."""
    for student, nb in submissions.items():
        notebooks.write(nb, course / "submitted" / student / assignment / f"{notebook}.ipynb")
    nbgrader(["autograde", assignment, "--force"], cwd=course, threads=threads)
    return read_grades(course, assignment, list(submissions))


def grade_scratch(root: Path, assignment: str, submissions: dict[str, NotebookNode],
                  workers: int | None = None, keep: Path | None = None,
                  ) -> dict[str, SubmissionGrade]:
    """Autograde many submissions of one assignment in scratch courses, ``workers`` at once.

    The class gradebook is never touched. ``keep``: a folder to grade in (kept afterwards,
    one sub-folder per worker) instead of a temporary one.
    """
    workers = max(1, min(workers or os.cpu_count() or 1, len(submissions)))
    students = list(submissions)
    shards = [students[i::workers] for i in range(workers)]
    notebook = notebook_name(root, assignment)
    base = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="rnngraded-"))
    threads = 1 if workers > 1 else None

    def run(index: int) -> dict[str, SubmissionGrade]:
        course = make_scratch_course(root, base / f"course{index}", [assignment])
        return grade_in_course(course, assignment, {s: submissions[s] for s in shards[index]},
                               notebook, threads=threads)

    try:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            results: dict[str, SubmissionGrade] = {}
            for part in pool.map(run, range(workers)):
                results.update(part)
        return results
    finally:
        if not keep:
            shutil.rmtree(base, ignore_errors=True)
