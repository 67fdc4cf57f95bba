"""Grading a class on Dask: one task per (student, chapter) submission.

The client (``make grade``) packs, once per chapter, the chapter's grading *material* (the
course's nbgrader configuration, the chapter's records from the gradebook as a small SQLite
file of their own, and its source folder) and, per submission, the submitted files. A task
(:func:`grade_task`) runs on any Dask worker: it builds a throw-away course folder, runs
nbgrader's own autograde pipeline there for that one student (the course's sanitizers and
executor: a sandboxed kernel, evidence judged in the worker), and returns the autograded folder
as bytes. Workers need no shared filesystem and never see the class gradebook.

The client alone writes results (:func:`record`): the autograded folder, then the gradebook
through nbgrader's own ``SaveAutoGrades`` and ``AssignLatePenalties`` on the returned notebook,
as serial ``nbgrader autograde`` does; the gradebook may be SQLite or any SQLAlchemy URL
(``CourseDirectory.db_url``). A submission counts as graded once its autograded folder is in
place and the ledger (``autograded/.graded.json``) holds the digest of what was submitted: a
rerun after an interrupted run grades only the rest, and a resubmission is graded again.

By default the tasks run on a LocalCluster of one single-threaded worker process per core;
``--scheduler tcp://host:8786`` sends them to an existing cluster (dask-jobqueue, Kubernetes),
whose workers need this environment (``make setup``) but no copy of the course.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import shutil
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import rnngraded.lean  # noqa: F401 (first: before anything imports nbformat)
from rnngraded import course, sandbox

LEDGER = Path("autograded") / ".graded.json"
MAX_SUBMISSION_BYTES = 64 * 1024 * 1024  # the submitted folder of one chapter


@dataclass(frozen=True)
class Material:
    """What grading one chapter needs, the same for every submission."""

    assignment: str
    config: str  # nbgrader_config.py
    gradebook: bytes  # a SQLite gradebook holding this assignment's records only
    source: dict[str, bytes]  # source/<assignment>/, by relative path


@dataclass(frozen=True)
class Submission:
    student: str
    assignment: str
    files: dict[str, bytes]  # submitted/<student>/<assignment>/, by relative path

    @property
    def digest(self) -> str:
        return files_digest(self.files)


@dataclass
class Result:
    student: str
    assignment: str
    digest: str
    files: dict[str, bytes] = field(default_factory=dict)  # autograded/<student>/<assignment>/
    error: str = ""  # why nbgrader could not grade it ("" when it could)
    seconds: float = 0.0
    cell_seconds: dict[str, float] = field(default_factory=dict)
    worker: str = ""


def files_digest(files: dict[str, bytes]) -> str:
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + hashlib.sha256(files[name]).digest())
    return digest.hexdigest()


def read_tree(folder: Path, limit: int | None = None) -> dict[str, bytes]:
    files, total = {}, 0
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()):
        total += path.stat().st_size
        if limit is not None and total > limit:
            raise ValueError(f"{folder} holds more than {limit // 2**20} MB")
        files[str(path.relative_to(folder))] = path.read_bytes()
    return files


def write_tree(folder: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        target = (folder / name).resolve()
        if folder.resolve() not in target.parents:
            raise ValueError(f"refusing to write {name!r} outside {folder}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


# --- the client's side: material, submissions, the gradebook --------------------------------


def material(root: Path, assignment: str) -> Material:
    """The chapter's records copied from the class gradebook into a gradebook of their own,
    with the configuration and the source folder."""
    from nbgrader.api import Gradebook, MissingEntry

    _tools_on_path()
    with tempfile.TemporaryDirectory(prefix="rnngraded-material-") as tmp:
        path = Path(tmp) / "gradebook.db"
        with Gradebook(course.db_url(root)) as gb:
            try:
                found = gb.find_assignment(assignment)
            except MissingEntry:
                raise SystemExit(f"{assignment} is not in the gradebook: generate its release "
                                 f"first (make release)") from None
            path.write_bytes(_empty_gradebook(_schema_version(gb)))
            with Gradebook(f"sqlite:///{path}") as copy:
                copy.add_assignment(assignment, duedate=found.duedate)
                for nb in found.notebooks:
                    copy.add_notebook(nb.name, assignment)
                    for cell in nb.grade_cells:
                        copy.add_grade_cell(cell.name, nb.name, assignment,
                                            max_score=cell.max_score, cell_type=cell.cell_type)
                    for cell in nb.solution_cells:
                        copy.add_solution_cell(cell.name, nb.name, assignment)
                    for cell in nb.task_cells:
                        copy.add_task_cell(cell.name, nb.name, assignment, max_score=cell.max_score,
                                           cell_type=cell.cell_type)
                    for cell in nb.source_cells:
                        copy.add_source_cell(cell.name, nb.name, assignment,
                                             cell_type=cell.cell_type, locked=cell.locked,
                                             source=cell.source, checksum=cell.checksum)
        gradebook = path.read_bytes()
    return Material(assignment, (root / course.CONFIG_FILE).read_text(), gradebook,
                    read_tree(root / "source" / assignment))


@functools.cache
def _empty_gradebook(version: str) -> bytes:
    """A new SQLite gradebook at schema ``version``, made as nbgrader makes one, but without
    asking a separate ``alembic`` process for the version (seconds per gradebook)."""
    from nbgrader.api import Base
    from sqlalchemy import create_engine, text

    with tempfile.TemporaryDirectory(prefix="rnngraded-empty-") as tmp:
        path = Path(tmp) / "gradebook.db"
        engine = create_engine(f"sqlite:///{path}")
        Base.metadata.create_all(bind=engine)
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE alembic_version "
                                    "(version_num VARCHAR(32) NOT NULL)"))
            connection.execute(text("INSERT INTO alembic_version (version_num) VALUES (:v)"),
                               {"v": version})
        engine.dispose()
        return path.read_bytes()


def _schema_version(gb) -> str:
    from nbgrader.api import get_alembic_version
    from sqlalchemy import text

    try:
        return gb.db.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    except Exception:
        return get_alembic_version()


def submissions(root: Path, chapters: list[str]) -> list[Submission]:
    found = []
    for chapter in chapters:
        for folder in sorted(p for p in (root / "submitted").glob(f"*/{chapter}") if p.is_dir()):
            found.append(Submission(folder.parent.name, chapter,
                                    read_tree(folder, MAX_SUBMISSION_BYTES)))
    return found


def read_ledger(root: Path) -> dict[str, str]:
    try:
        return json.loads((root / LEDGER).read_text())
    except (OSError, ValueError):
        return {}


def pending(root: Path, found: list[Submission], force: bool = False) -> list[Submission]:
    """What still needs grading: everything with ``force``, else what has no autograded folder
    or was graded from other files than those submitted now."""
    if force:
        return list(found)
    ledger = read_ledger(root)
    return [s for s in found if ledger.get(f"{s.student}/{s.assignment}") != s.digest
            or not (root / "autograded" / s.student / s.assignment).is_dir()]


def record(root: Path, result: Result, config=None, coursedir=None) -> None:
    """Write one graded submission: the gradebook (through nbgrader's own preprocessors, as
    ``nbgrader autograde`` does), then its autograded folder, then the ledger. A run killed
    half-way leaves the submission out of the ledger, so the next run grades it again."""
    import nbformat
    from nbgrader.api import Gradebook
    from nbgrader.preprocessors import AssignLatePenalties, SaveAutoGrades

    config = config if config is not None else course.nbgrader_config(root)
    coursedir = coursedir if coursedir is not None else course.course_directory(root)
    url = coursedir.db_url
    student, assignment = result.student, result.assignment
    submitted = root / "submitted" / student / assignment
    timestamp = coursedir.get_existing_timestamp(str(submitted))
    with _no_orm_warnings(), Gradebook(url) as gb:
        gb.update_or_create_student(student)
        if timestamp:
            gb.update_or_create_submission(assignment, student, timestamp=timestamp)
        else:
            gb.update_or_create_submission(assignment, student)
    for name, data in result.files.items():
        if name.endswith(".ipynb") and "/" not in name:
            nb = nbformat.reads(data.decode("utf-8"), as_version=nbformat.NO_CONVERT)
            resources = {"nbgrader": {"db_url": url, "assignment": assignment,
                                      "notebook": name[:-len(".ipynb")], "student": student}}
            with _no_orm_warnings():
                for step in (SaveAutoGrades, AssignLatePenalties):
                    step(config=config).preprocess(nb, resources)
    folder = root / "autograded" / student / assignment
    partial = folder.parent / f".{assignment}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    write_tree(partial, result.files)
    shutil.rmtree(folder, ignore_errors=True)
    partial.rename(folder)
    ledger = read_ledger(root)
    ledger[f"{student}/{assignment}"] = result.digest
    temporary = root / LEDGER.with_suffix(".tmp")
    temporary.write_text(json.dumps(ledger, indent=1, sort_keys=True))
    temporary.replace(root / LEDGER)


def forget(root: Path, submission: Submission) -> None:
    """A submission nbgrader could not grade: no stale autograded folder, not in the ledger
    (``course.settle`` then records 0 with the reason)."""
    shutil.rmtree(root / "autograded" / submission.student / submission.assignment,
                  ignore_errors=True)
    ledger = read_ledger(root)
    if ledger.pop(f"{submission.student}/{submission.assignment}", None) is not None:
        (root / LEDGER).write_text(json.dumps(ledger, indent=1, sort_keys=True))


# --- the worker's side ------------------------------------------------------------------------


def grade_task(material: Material, submission: Submission, sandboxed: bool = True,
               warm: bool = True) -> Result:
    """Grade one submission in a throw-away course folder (runs on a Dask worker). ``warm``:
    fork its kernels from the worker's fork server (rnngraded.warm) rather than start them
    cold."""
    started = time.monotonic()
    result = Result(submission.student, submission.assignment, submission.digest,
                    worker=os.uname().nodename + f":{os.getpid()}")
    _warm_process()
    if sandboxed:
        sandbox.check_available()  # raises SandboxUnavailable: the run stops, says how to fix it
    with tempfile.TemporaryDirectory(prefix="rnngraded-task-") as tmp:
        root = Path(tmp)
        (root / course.CONFIG_FILE).write_text(material.config)
        (root / "gradebook.db").write_bytes(material.gradebook)
        write_tree(root / "source" / material.assignment, material.source)
        write_tree(root / "submitted" / submission.student / submission.assignment,
                   submission.files)
        try:
            _autograde(root, submission.assignment, submission.student, sandboxed, warm)
        except Exception as err:  # nbgrader gave up on this notebook: the client records why
            result.error = f"{type(err).__name__}: {err}".strip()[:2000]
        graded = root / "autograded" / submission.student / submission.assignment
        if graded.is_dir() and not result.error:
            result.files = read_tree(graded)
            result.cell_seconds = _cell_seconds(result.files)
    result.seconds = round(time.monotonic() - started, 3)
    return result


def _warm_process() -> None:
    """A worker keeps what grading imports (nbgrader, torch for the judgements) between tasks;
    its own threads stay at one, like the kernels'."""
    _tools_on_path()
    try:
        import torch

        torch.set_num_threads(1)
    except ImportError:
        pass


def prepare_worker(sandboxed: bool, warm: bool) -> None:
    """Run on each worker as the class starts: import what grading needs and start the warm
    kernel server in the background, while the client still packs the material."""
    import threading

    from rnngraded import warm as warm_kernels

    def prepare():
        _warm_process()
        import nbgrader.converters  # noqa: F401

        from rnngraded import grading  # noqa: F401
        if sandboxed and warm and warm_kernels.available():
            try:
                warm_kernels.server()
            except sandbox.SandboxUnavailable:
                pass  # the first kernel tries again, and says why

    threading.Thread(target=prepare, name="rnngraded-prepare", daemon=True).start()


def _tools_on_path() -> None:
    """nbgrader runs ``alembic`` and ``jupyter`` by name."""
    bin_dir = str(Path(sys.executable).parent)
    if not os.environ.get("PATH", "").startswith(bin_dir):
        os.environ["PATH"] = bin_dir + os.pathsep + os.environ.get("PATH", "")


def _autograde(root: Path, assignment: str, student: str, sandboxed: bool, warm: bool) -> None:
    """nbgrader's Autograde converter, in this process, for one student."""
    from nbgrader.converters import Autograde
    from nbgrader.coursedir import CourseDirectory

    config = course.nbgrader_config(root)
    config.CourseDirectory.db_url = f"sqlite:///{root / 'gradebook.db'}"  # the task's copy
    if not sandboxed:
        config.GuardedExecute.sandbox = False
    config.GuardedExecute.warm_kernels = sandboxed and warm
    coursedir = CourseDirectory(config=config)
    coursedir.assignment_id = assignment
    coursedir.student_id = student
    converter = Autograde(coursedir=coursedir, config=config)
    converter.force = True
    converter.log.setLevel("ERROR")
    with _quiet_logs():
        converter.start()


@contextmanager
def _quiet_logs():
    previous = logging.root.level
    logging.root.setLevel(logging.ERROR)
    try:
        with _no_orm_warnings():
            yield
    finally:
        logging.root.setLevel(previous)


@contextmanager
def _no_orm_warnings():
    """nbgrader's gradebook makes SQLAlchemy warn about its own session use (as in serial
    autograde, where nbgrader's output hides them)."""
    import warnings

    from sqlalchemy.exc import SAWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SAWarning)
        yield


def _cell_seconds(files: dict[str, bytes]) -> dict[str, float]:
    import nbformat

    seconds = {}
    for name, data in files.items():
        if name.endswith(".ipynb"):
            nb = nbformat.reads(data.decode("utf-8"), as_version=nbformat.NO_CONVERT)
            for cell in nb.cells:
                grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
                took = cell.get("metadata", {}).get("rnngraded", {}).get("seconds")
                if grade_id and took is not None:
                    seconds[grade_id] = float(took)
    return seconds


# --- the run ----------------------------------------------------------------------------------


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


@contextmanager
def connect(scheduler: str | None = None, workers: int | None = None):
    """A Dask client: to ``scheduler``, or to a LocalCluster of single-threaded worker
    processes (one per core) that ends with the block."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with LocalCluster(n_workers=workers or default_workers(), threads_per_worker=1,
                      processes=True, dashboard_address=":0", silence_logs=logging.ERROR,
                      env={"PATH": course.tool_env()["PATH"]}) as cluster, \
            Client(cluster) as client:
        yield client


def grade_class(root: Path, chapters: list[str], *, scheduler: str | None = None,
                workers: int | None = None, force: bool = False, sandboxed: bool = True,
                warm: bool = True, progress: bool = True) -> list[Result]:
    """Grade every pending submission of ``chapters``, one Dask task each; write each result
    as it arrives. Returns the results (in the order they arrived)."""
    from distributed import as_completed
    from tqdm.auto import tqdm

    todo = pending(root, submissions(root, chapters), force)
    if not todo:
        return []
    _tools_on_path()
    config = course.nbgrader_config(root)
    coursedir = course.course_directory(root)
    with connect(scheduler, workers) as client:
        link = getattr(client, "dashboard_link", None)
        if progress and link:
            print(f"Dask dashboard: {link}", flush=True)
        client.run(prepare_worker, sandboxed, warm)
        materials = {c: client.scatter(material(root, c), broadcast=True, hash=False)
                     for c in sorted({s.assignment for s in todo})}
        futures = {client.submit(grade_task, materials[s.assignment], s, sandboxed, warm,
                                 key=f"grade-{s.assignment}-{s.student}-{s.digest[:12]}",
                                 pure=False): s for s in todo}
        results = []
        with tqdm(total=len(futures), desc="grading", unit="submission",
                  disable=not progress) as bar:
            for future in as_completed(futures):
                submission = futures[future]
                try:
                    result = future.result()
                except sandbox.SandboxUnavailable:
                    raise
                except Exception as err:  # the task itself failed (not the notebook)
                    result = Result(submission.student, submission.assignment,
                                    submission.digest, error=f"{type(err).__name__}: {err}")
                if result.error:
                    forget(root, submission)
                else:
                    record(root, result, config, coursedir)
                results.append(result)
                bar.set_postfix_str(f"{submission.student}/{submission.assignment}",
                                    refresh=False)
                bar.update()
    return results


def timing_summary(results: list[Result], slowest: int = 3) -> str:
    """Per chapter: submissions, median seconds per submission, the slowest exercises."""
    import statistics

    lines = []
    for chapter in sorted({r.assignment for r in results}):
        mine = [r for r in results if r.assignment == chapter]
        cells: dict[str, list[float]] = {}
        for r in mine:
            for cell, seconds in r.cell_seconds.items():
                cells.setdefault(cell, []).append(seconds)
        worst = sorted(cells, key=lambda c: -statistics.median(cells[c]))[:slowest]
        lines.append(f"{chapter}: {len(mine)} submission(s), median "
                     f"{statistics.median(r.seconds for r in mine):.1f} s each; slowest: "
                     + ", ".join(f"{c} {statistics.median(cells[c]):.1f} s" for c in worst))
    return "\n".join(lines)
