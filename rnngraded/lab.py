"""JupyterLab for the course: a learner's Lab in ``work/`` and an instructor's at the course root.

Both talk to the course's exchange (``exchange/`` beside ``nbgrader_config.py``), nbgrader's
folder for handing chapters out and submissions in: the learner's Assignment List fetches the
released chapters from it and submits into it, and ``python -m rnngraded collect`` brings the
submissions into ``submitted/`` for grading.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

from rnngraded import course

WORK = "work"
STUDENT_CONFIG = "nbgrader_config.py"
ROSTER_FIELDS = ("id", "first_name", "last_name", "email")


def exchange_root(root: Path) -> Path:
    return root / "exchange"


def course_id(root: Path) -> str:
    return course.course_directory(root).course_id


def _exchange_step(step: str, config, folder: Path, chapter: str) -> None:
    """One of nbgrader's exchange steps (ReleaseAssignment, FetchAssignment, Collect) run in
    this process, as its command would run it in ``folder``."""
    from nbgrader.auth import Authenticator
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.exchange import ExchangeError, ExchangeFactory

    config.CourseDirectory.root = str(folder)
    config.Exchange.assignment_dir = str(folder)
    coursedir = CourseDirectory(config=config)
    coursedir.assignment_id = chapter
    app = getattr(ExchangeFactory(config=config), step)(
        coursedir=coursedir, authenticator=Authenticator(config=config), config=config)
    try:
        app.start()
    except ExchangeError as err:
        raise RuntimeError(f"nbgrader could not {step} {chapter}: {err}") from None


def release_to_exchange(root: Path, chapters: list[str] | None = None) -> None:
    """Put every chapter of release/ in the exchange, where Assignment Lists find them."""
    for chapter in chapters or course.assignments(root):
        config = course.nbgrader_config(root)
        config.ExchangeReleaseAssignment.force = True
        _exchange_step("ReleaseAssignment", config, root, chapter)


def write_student_config(root: Path, work: Path) -> Path:
    """A learner's Lab reads nbgrader's configuration from its own folder: the course id and
    where the exchange is, nothing of the grading configuration."""
    work.mkdir(parents=True, exist_ok=True)
    path = work / STUDENT_CONFIG
    path.write_text("# Written by make lab: the course the Assignment List fetches from and "
                    "submits to.\nc = get_config()  # noqa: F821\n"
                    f"c.CourseDirectory.course_id = {course_id(root)!r}\n"
                    f"c.Exchange.root = {str(exchange_root(root))!r}\n")
    return path


def lab_command(folder: Path) -> list[str]:
    """The JupyterLab command for a folder; as root (containers, many course servers) Jupyter
    refuses to start without --allow-root."""
    command = ["jupyter", "lab", f"--ServerApp.root_dir={folder}"]
    if os.geteuid() == 0:
        command.append("--allow-root")
    return command


def fetch_missing(root: Path, work: Path) -> list[str]:
    """Fetch, as the Assignment List's Fetch button does, every chapter not yet in work/."""
    from traitlets.config.loader import PyFileConfigLoader

    fetched = []
    for chapter in course.assignments(root):
        if not (work / chapter).exists():
            config = PyFileConfigLoader(STUDENT_CONFIG, path=str(work)).load_config()
            _exchange_step("FetchAssignment", config, work, chapter)
            fetched.append(chapter)
    return fetched


def prepare_learner(root: Path, fetch: bool = True) -> Path:
    """work/ with its nbgrader configuration, the chapters released to the exchange and, unless
    told otherwise, fetched into work/ (the learner's own copies are never overwritten)."""
    work = root / WORK
    release_to_exchange(root)
    write_student_config(root, work)
    if fetch:
        fetch_missing(root, work)
    return work


def collect(root: Path, chapters: list[str] | None = None) -> None:
    """Submissions in the exchange into submitted/<student>/<chapter>/ (the latest of each)."""
    for chapter in chapters or course.assignments(root):
        config = course.nbgrader_config(root)
        config.ExchangeCollect.update = True
        _exchange_step("Collect", config, root, chapter)


# --- the roster -------------------------------------------------------------------------------


def read_roster(path: Path) -> list[dict[str, str]]:
    """Students from a CSV file with a header naming at least ``id`` (also first_name,
    last_name, email)."""
    with open(path, newline="") as handle:
        rows = list(csv.DictReader(handle))
    if not rows or "id" not in rows[0]:
        raise ValueError(f"{path}: a roster is a CSV file whose header has an 'id' column "
                         f"(and optionally {', '.join(ROSTER_FIELDS[1:])})")
    missing = [n for n, row in enumerate(rows, start=2) if not (row.get("id") or "").strip()]
    if missing:
        raise ValueError(f"{path}: rows {missing} have no student id")
    return [{k: (row.get(k) or "").strip() for k in ROSTER_FIELDS} for row in rows]


def import_roster(root: Path, path: Path) -> int:
    """Add or update each student of the roster in the gradebook; the number of students."""
    from nbgrader.api import Gradebook

    students = read_roster(path)
    with Gradebook(course.db_url(root)) as gb:
        for row in students:
            gb.update_or_create_student(row["id"], first_name=row["first_name"] or None,
                                        last_name=row["last_name"] or None,
                                        email=row["email"] or None)
    return len(students)


def write_roster(path: Path, students: list[dict[str, str]]) -> None:
    with open(path, "w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=ROSTER_FIELDS)
        writer.writeheader()
        writer.writerows(students)
