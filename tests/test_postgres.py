"""A class graded into a real PostgreSQL gradebook gives the same grades as SQLite, and the
formgrader reads them.

A private PostgreSQL server (the system's binaries, installed by tests/postgres.py where
missing) runs in a temporary folder on a Unix socket only. Two scratch courses get the same
demo submissions of one chapter: one keeps nbgrader's default SQLite gradebook, the other's
nbgrader_config.py points ``CourseDirectory.db_url`` at the server. Both are released, graded
and exported through ``python -m rnngraded``; then:

* the two grades.csv are equal row by row, and the reference student has full marks;
* the grades are in PostgreSQL (read back with SQL) and no SQLite gradebook was written;
* a Jupyter server with nbgrader's formgrader, started in the PostgreSQL course, lists the
  graded students with the scores of grades.csv.
"""

from __future__ import annotations

import csv
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import postgres
import pytest

from harness import ROOT
from rnngraded import cli, course, notebooks

pytestmark = pytest.mark.slow

CHAPTER = "01_rnn_basics"
STUDENTS = ("reference", "blank", "partial")
DATABASE = "gradebook"
TIMEOUT = 900  # seconds for one rnngraded command


@dataclass(frozen=True)
class Classes:
    sqlite: Path
    postgresql: Path
    db_url: str


@pytest.fixture(scope="module")
def server():
    with postgres.private_server() as running:
        yield running


def start_rnngraded(folder: Path, *args: str) -> subprocess.Popen:
    # Its own session: stopping it stops its Dask workers and kernels too.
    return subprocess.Popen([sys.executable, "-m", "rnngraded", *args], cwd=folder,
                            env=course.tool_env(), stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, start_new_session=True)


def finish(process: subprocess.Popen) -> str:
    output, _ = process.communicate(timeout=TIMEOUT)
    assert process.returncode == 0, f"{' '.join(process.args)} failed:\n{output}"
    return output


def run_together(*processes: subprocess.Popen) -> list[str]:
    """Each process's output once all succeeded; none is left running if one fails."""
    try:
        return [finish(process) for process in processes]
    finally:
        for process in processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def rnngraded(folder: Path, *args: str) -> str:
    return run_together(start_rnngraded(folder, *args))[0]


def released_course(folder: Path, db_url: str | None = None) -> Path:
    """The course's config (with ``db_url`` when given) and the chapter's source, released:
    the release records the chapter's cells in that course's gradebook."""
    folder.mkdir(parents=True)
    config = (ROOT / course.CONFIG_FILE).read_text()
    if db_url:
        config += f"\nc.CourseDirectory.db_url = {db_url!r}\n"
    (folder / course.CONFIG_FILE).write_text(config)
    shutil.copytree(ROOT / "source" / CHAPTER, folder / "source" / CHAPTER)
    rnngraded(folder, "release", CHAPTER)
    return folder


def submit(folder: Path, demo: dict) -> None:
    name = course.notebook_name(folder, CHAPTER)
    for student in STUDENTS:
        notebooks.write(demo[student], folder / "submitted" / student / CHAPTER / f"{name}.ipynb")


@pytest.fixture(scope="module")
def classes(server, tmp_path_factory) -> Classes:
    """Both courses released, submitted, graded (at once, one worker each) and exported."""
    base = tmp_path_factory.mktemp("classes")
    url = server.create_database(DATABASE)
    found = Classes(released_course(base / "sqlite"), released_course(base / "postgresql", url),
                    url)
    demo = cli.build_demo_submissions(found.sqlite, CHAPTER)
    folders = (found.sqlite, found.postgresql)
    for folder in folders:
        submit(folder, demo)
    # Both at once, one worker each: about half the wait on two cores.
    run_together(*[start_rnngraded(folder, "grade", "--workers", "1") for folder in folders])
    for folder in folders:
        rnngraded(folder, "export")
    return found


def grades_csv(folder: Path) -> list[dict]:
    with open(folder / "grades.csv") as handle:
        return sorted(csv.DictReader(handle), key=lambda r: (r["student_id"], r["assignment"]))


def scores(folder: Path) -> dict[str, float]:
    return {row["student_id"]: float(row["score"]) for row in grades_csv(folder)}


def test_postgresql_gives_the_same_grades_as_sqlite(classes):
    expected = grades_csv(classes.sqlite)
    found = grades_csv(classes.postgresql)
    assert [r["student_id"] for r in found] == sorted(STUDENTS)
    for sqlite_row, postgresql_row in zip(expected, found, strict=True):
        assert postgresql_row == sqlite_row


def test_the_reference_student_has_every_autograded_point(classes):
    rows = {r["student_id"]: r for r in grades_csv(classes.postgresql)}
    reference = course.read_grades(classes.postgresql, CHAPTER, ["reference"])["reference"]
    assert reference.auto_max > 0
    assert reference.auto_score == reference.auto_max, reference.lost()
    assert float(rows["reference"]["raw_score"]) == reference.score
    assert float(rows["reference"]["score"]) > float(rows["partial"]["score"]) > 0
    assert float(rows["blank"]["score"]) == 0


SCORES_BY_STUDENT = """
    SELECT sa.student_id,
           SUM(COALESCE(g.manual_score, g.auto_score, 0) + COALESCE(g.extra_credit, 0))
    FROM grade g
    JOIN submitted_notebook sn ON g.notebook_id = sn.id
    JOIN submitted_assignment sa ON sn.assignment_id = sa.id
    JOIN assignment a ON sa.assignment_id = a.id
    WHERE a.name = %s
    GROUP BY sa.student_id
"""


def test_the_grades_are_stored_in_postgresql(classes, server):
    import psycopg2

    assert course.db_url(classes.postgresql) == classes.db_url
    connection = psycopg2.connect(dbname=DATABASE, user=postgres.SUPERUSER,
                                  host=str(server.folder))
    try:
        with connection.cursor() as cursor:
            cursor.execute(SCORES_BY_STUDENT, (CHAPTER,))
            stored = {student: float(total) for student, total in cursor.fetchall()}
    finally:
        connection.close()
    assert stored == scores(classes.postgresql)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass(frozen=True)
class Formgrader:
    base_url: str
    token: str

    def get(self, path: str):
        request = urllib.request.Request(self.base_url + path,
                                         headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read())


def wait_until_serving(formgrader: Formgrader, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 120
    while True:
        assert process.poll() is None, f"the Jupyter server exited:\n{log.read_text()}"
        try:
            if formgrader.get("/formgrader/api/status") == {"status": True}:
                return
        except (urllib.error.URLError, ConnectionError):
            pass
        assert time.monotonic() < deadline, f"the formgrader did not answer:\n{log.read_text()}"
        time.sleep(0.5)


@pytest.fixture(scope="module")
def formgrader(classes):
    """A Jupyter server with nbgrader's formgrader extension, in the PostgreSQL course."""
    port, token = free_port(), secrets.token_hex(16)
    runtime = Path(tempfile.mkdtemp(prefix="rnngraded-jupyter-"))
    log = runtime / "server.log"
    env = {**course.tool_env(), "JUPYTER_RUNTIME_DIR": str(runtime)}
    jupyter = str(Path(sys.executable).parent / "jupyter")
    with open(log, "w") as output:
        process = subprocess.Popen(
            [jupyter, "server", "--no-browser", "--allow-root", "--ServerApp.ip=127.0.0.1",
             f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
             f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={classes.postgresql}"],
            cwd=classes.postgresql, env=env, stdout=output, stderr=subprocess.STDOUT)
    try:
        running = Formgrader(f"http://127.0.0.1:{port}", token)
        wait_until_serving(running, process, log)
        yield running
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(runtime, ignore_errors=True)


def test_formgrader_lists_the_chapter_with_its_submissions(formgrader):
    found = {a["name"]: a for a in formgrader.get("/formgrader/api/assignments")}
    assert CHAPTER in found
    assert found[CHAPTER]["num_submissions"] == len(STUDENTS)


def test_formgrader_shows_the_scores_of_grades_csv(formgrader, classes):
    submissions = formgrader.get(f"/formgrader/api/submissions/{CHAPTER}")
    assert all(s["autograded"] for s in submissions)
    assert {s["student"]: s["score"] for s in submissions} == scores(classes.postgresql)


def test_formgrader_shows_each_notebook_submission(formgrader, classes):
    notebook = course.notebook_name(classes.postgresql, CHAPTER)
    submitted = formgrader.get(f"/formgrader/api/submitted_notebooks/{CHAPTER}/{notebook}")
    assert {s["student"]: s["score"] for s in submitted} == scores(classes.postgresql)


def test_no_sqlite_gradebook_in_the_postgresql_course(classes, formgrader):
    # After the formgrader too: a server reading SQLite would have created gradebook.db.
    assert not list(classes.postgresql.glob("*.db"))
    assert (classes.sqlite / "gradebook.db").is_file()
