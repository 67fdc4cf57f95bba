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


def nbgrader(args: list[str], cwd: Path, threads: int | None = None, quiet: bool = True,
             check: bool = True):
    """Run ``nbgrader ARGS`` in ``cwd``; raise with nbgrader's own output if it fails (unless
    ``check`` is false: autograde fails when one submission fails, after grading the rest)."""
    command = [str(Path(sys.executable).parent / "nbgrader"), *args]
    if quiet:
        command.append("--log-level=WARN")
    result = subprocess.run(command, cwd=cwd, env=tool_env(threads), capture_output=True,
                            text=True)
    if result.returncode != 0 and check:
        raise RuntimeError(
            f"nbgrader {' '.join(args)} failed in {cwd} (exit {result.returncode}):\n"
            f"{result.stdout}\n{result.stderr}"
        )
    return result


def nbgrader_config(root: Path):
    """The course's nbgrader configuration (nbgrader_config.py), as nbgrader loads it."""
    from traitlets.config.loader import PyFileConfigLoader

    config = PyFileConfigLoader(CONFIG_FILE, path=str(root)).load_config()
    config.CourseDirectory.root = str(root)
    return config


def course_directory(root: Path):
    from nbgrader.coursedir import CourseDirectory

    return CourseDirectory(config=nbgrader_config(root))


def db_url(root: Path) -> str:
    """The gradebook's URL: ``CourseDirectory.db_url`` (SQLite beside the config by default,
    any SQLAlchemy URL such as PostgreSQL)."""
    return course_directory(root).db_url


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
    faults: list[str] = field(default_factory=list)  # plain reasons, e.g. "the kernel died"

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

    @property
    def pending_max(self) -> float:
        """Points of the written answers not graded by hand yet."""
        return sum(c.max_score for c in self.cells if c.score is None)

    @property
    def manual_score(self) -> float:
        return sum(c.score or 0.0 for c in self.cells if not c.auto)

    @property
    def manual_max(self) -> float:
        return sum(c.max_score for c in self.cells if not c.auto)

    def pending_note(self) -> str:
        if not self.manual_pending:
            return ""
        return (f"{self.manual_pending} written answer(s) still to grade by hand "
                f"({self.pending_max:g} points)")

    def lost(self) -> list[CellGrade]:
        return [c for c in self.cells if c.auto and (c.score or 0.0) < c.max_score]


def read_grades(course: Path, assignment: str, students: list[str] | None = None,
                ) -> dict[str, SubmissionGrade]:
    """Per student, the grade of every graded cell, with the error message of failed tests."""
    from nbgrader.api import Gradebook, MissingEntry

    results: dict[str, SubmissionGrade] = {}
    with Gradebook(db_url(course)) as gb:
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

                if graded_nb is not None:
                    grade.faults.extend(notebooks.faults(graded_nb))
                for g in sorted(nb.grades, key=position):
                    auto = g.cell.cell_type == "code" and g.auto_score is not None
                    score = g.manual_score if g.manual_score is not None else g.auto_score
                    grade.cells.append(CellGrade(g.name, score, float(g.max_score), auto,
                                                 messages.get(g.name)))
            results[student] = grade
    return results


# --- faults outside the kernel: the files themselves ---------------------------------------


def intake(root: Path, chapters: list[str] | None = None) -> dict[tuple[str, str], list[str]]:
    """Look at every submitted notebook before grading; say what is wrong with the files.

    A renamed notebook (the only .ipynb in the folder, under another name) is copied to the
    expected name, so it is graded. Keyed by (student, chapter): plain reasons."""
    faults: dict[tuple[str, str], list[str]] = {}
    folder = root / "submitted"
    if not folder.is_dir():
        return faults
    for chapter in chapters or assignments(root):
        expected = f"{notebook_name(root, chapter)}.ipynb"
        for where in sorted(p for p in folder.glob(f"*/{chapter}") if p.is_dir()):
            key, reasons = (where.parent.name, chapter), []
            others = sorted(p for p in where.glob("*.ipynb") if p.name != expected)
            target = where / expected
            if not target.exists() and len(others) == 1:
                shutil.copy(others[0], target)
            if not target.exists():
                found = ", ".join(p.name for p in others) or "nothing"
                reasons.append(f"no notebook {expected} was submitted (found {found}); "
                               f"scored 0")
            elif any(p.read_bytes() == target.read_bytes() for p in others):
                renamed = next(p.name for p in others if p.read_bytes() == target.read_bytes())
                reasons.append(f"the notebook was renamed to {renamed}; it was graded as "
                               f"{expected}")
            renamed_from = {p.name for p in others
                            if target.exists() and p.read_bytes() == target.read_bytes()}
            dropped = sorted(p.name + ("/" if p.is_dir() else "") for p in where.iterdir()
                             if p.name != expected and p.name not in renamed_from
                             and not p.name.startswith("."))
            if dropped:
                reasons.append(f"files submitted beside the notebook were not given to the "
                               f"grading kernel, which sees only the notebook: "
                               f"{', '.join(dropped)}")
            if target.exists():
                try:
                    nb = notebooks.read(target)
                except Exception as err:  # not JSON, not a notebook
                    first = str(err).strip().splitlines()[0][:120] if str(err).strip() else ""
                    reasons.append(f"{expected} is not a readable notebook ({type(err).__name__}"
                                   f"{': ' + first if first else ''}); nothing could be run, "
                                   f"scored 0")
                else:
                    ids = [notebooks.grade_id(c) for c in nb.cells if notebooks.grade_id(c)]
                    twice = sorted({i for i in ids if ids.count(i) > 1})
                    if twice:
                        reasons.append(f"cells appear more than once ({', '.join(twice)}); "
                                       f"the last copy of each was graded")
            if reasons:
                faults[key] = reasons
    return faults


def settle(root: Path, assignment: str, students: list[str] | None,
           faults: dict[tuple[str, str], list[str]]) -> dict[str, SubmissionGrade]:
    """After autograde: a submitted notebook nbgrader could not grade gets 0 for every cell
    in the gradebook (never stale or missing scores), with the reason; then the grades."""
    from nbgrader.api import Gradebook

    folder = root / "submitted"
    present = sorted(p.parent.name for p in folder.glob(f"*/{assignment}") if p.is_dir())
    wanted = students if students is not None else present
    notebook = notebook_name(root, assignment)
    failed = [s for s in wanted if s in present and not
              (root / "autograded" / s / assignment / f"{notebook}.ipynb").exists()]
    if failed:
        with Gradebook(db_url(root)) as gb:
            for student in failed:
                gb.update_or_create_student(student)
                submission = gb.update_or_create_submission(assignment, student)
                for nb in submission.notebooks:
                    for grade in nb.grades:
                        grade.auto_score = 0
                        grade.needs_manual_grade = False
                gb.db.commit()
                reasons = faults.setdefault((student, assignment), [])
                if not any("scored 0" in r for r in reasons):
                    reasons.append("nbgrader could not grade this notebook (see its log); "
                                   "scored 0")
    grades = read_grades(root, assignment, students)
    for (student, chapter), reasons in faults.items():
        if chapter == assignment and student in grades:
            grades[student].faults[:0] = reasons
    return grades


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


def autograde_args(assignment: str, sandboxed: bool = True, warm: bool = False) -> list[str]:
    """``nbgrader autograde`` of one assignment (or ``*``), regrading everything; ``warm``:
    fork the sandboxed kernels from one fork server (for a run that grades many notebooks)."""
    return ["autograde", assignment, "--force",
            *([] if sandboxed else ["--GuardedExecute.sandbox=False"]),
            *(["--GuardedExecute.warm_kernels=True"] if sandboxed and warm else [])]


def grade_in_course(course: Path, assignment: str, submissions: dict[str, NotebookNode],
                    notebook: str, threads: int | None = None, sandboxed: bool = True,
                    warm: bool = False) -> dict[str, SubmissionGrade]:
    """Write the submissions into ``course`` and autograde them in one nbgrader run."""
    for student, nb in submissions.items():
        notebooks.write(nb, course / "submitted" / student / assignment / f"{notebook}.ipynb")
    intake_faults = intake(course, [assignment])
    nbgrader(autograde_args(assignment, sandboxed, warm), cwd=course, threads=threads, check=False)
    return settle(course, assignment, list(submissions), intake_faults)


def grade_scratch(root: Path, assignment: str, submissions: dict[str, NotebookNode],
                  workers: int | None = None, keep: Path | None = None,
                  sandboxed: bool = True, warm: bool = False) -> dict[str, SubmissionGrade]:
    """Autograde many submissions of one assignment in scratch courses, ``workers`` at once.

    The class gradebook is never touched. ``keep``: a folder to grade in (kept afterwards,
    one sub-folder per worker) instead of a temporary one. ``warm``: see :func:`autograde_args`.
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
                               notebook, threads=threads, sandboxed=sandboxed, warm=warm)

    try:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            results: dict[str, SubmissionGrade] = {}
            for part in pool.map(run, range(workers)):
                results.update(part)
        return results
    finally:
        if not keep:
            shutil.rmtree(base, ignore_errors=True)
