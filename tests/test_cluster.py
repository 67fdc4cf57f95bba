"""A class graded on Dask (rnngraded.cluster), through ``python -m rnngraded grade``.

* On a real cluster: a ``dask scheduler`` and two ``dask worker`` processes on localhost (TCP,
  nothing shared but the network). One worker is killed while both grade; the class still comes
  out fully graded, each submission recorded once, with the same grades.csv as the local run.
* The local run is killed after its first submission; the rerun grades only the rest.
* Unit: the material carries the chapter's records only; the ledger decides what is pending.
"""

from __future__ import annotations

import csv
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from harness import ROOT
from rnngraded import cli, cluster, course, notebooks

pytestmark = pytest.mark.slow

CHAPTER = "01_rnn_basics"
STUDENTS = ("reference", "blank", "partial")
COPIES = 2  # of each demo student: six submissions


def make_class(folder: Path) -> Path:
    course.make_scratch_course(ROOT, folder, [CHAPTER])
    name = course.notebook_name(folder, CHAPTER)
    demo = cli.build_demo_submissions(folder, CHAPTER)
    for student in STUDENTS:
        for copy in range(COPIES):
            notebooks.write(demo[student],
                            folder / "submitted" / f"{student}{copy}" / CHAPTER / f"{name}.ipynb")
    return folder


def grade(folder: Path, *flags: str, wait: bool = True):
    command = [sys.executable, "-m", "rnngraded", "grade", *flags]
    if not wait:
        return subprocess.Popen(command, cwd=folder, env=course.tool_env(), text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                start_new_session=True)
    result = subprocess.run(command, cwd=folder, env=course.tool_env(), capture_output=True,
                            text=True, timeout=1200)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def grades_csv(folder: Path) -> list[dict]:
    result = subprocess.run([sys.executable, "-m", "rnngraded", "export"], cwd=folder,
                            env=course.tool_env(), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    with open(folder / "grades.csv") as handle:
        rows = list(csv.DictReader(handle))
    return sorted(rows, key=lambda r: (r["student_id"], r["assignment"]))


def wait_for(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.2)


def graded_now(output: str) -> int:
    match = re.search(r"graded (\d+) submission\(s\) now", output)
    assert match, output
    return int(match.group(1))


@pytest.fixture(scope="module")
def local_run(tmp_path_factory):
    """The class graded on the default local cluster, interrupted after its first submission
    was recorded, then graded again."""
    folder = make_class(tmp_path_factory.mktemp("local"))
    first = grade(folder, "--workers", "2", wait=False)
    wait_for(lambda: cluster.read_ledger(folder), 600, "the first graded submission")
    os.killpg(first.pid, signal.SIGKILL)
    first.wait()
    kept = len(cluster.read_ledger(folder))
    output = grade(folder, "--workers", "2")
    return folder, kept, output


def test_a_rerun_grades_only_what_the_interrupted_run_left(local_run):
    folder, kept, output = local_run
    total = len(STUDENTS) * COPIES
    assert 1 <= kept < total
    assert graded_now(output) == total - kept
    assert f"{kept} kept from earlier runs" in output
    assert len(cluster.read_ledger(folder)) == total
    again = grade(folder, "--workers", "2")
    assert "every submission was already graded" in again


def test_local_run_gives_every_student_their_points(local_run):
    folder, _, _ = local_run
    rows = {r["student_id"]: float(r["raw_score"]) for r in grades_csv(folder)}
    assert rows["reference0"] == rows["reference1"] > rows["partial0"] == rows["partial1"] > 0
    assert rows["blank0"] == rows["blank1"] == 0


@pytest.fixture(scope="module")
def dask_cluster(tmp_path_factory):
    """A scheduler and two single-threaded workers, separate processes over TCP."""
    where = tmp_path_factory.mktemp("dask")
    address_file = where / "scheduler.json"
    dask = str(Path(sys.executable).parent / "dask")
    env = course.tool_env()
    scheduler = subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", "0",
                                  "--dashboard-address", ":0", "--scheduler-file",
                                  str(address_file)], cwd=where, env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for(address_file.exists, 60, "the scheduler")
    import json

    address = json.loads(address_file.read_text())["address"]
    workers = [subprocess.Popen([dask, "worker", address, "--nthreads", "1", "--no-nanny",
                                 "--name", f"w{i}", "--local-directory", str(where / f"w{i}")],
                                cwd=where, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL) for i in range(2)]
    from distributed import Client

    with Client(address, timeout=60) as client:
        client.wait_for_workers(2, timeout=120)
    yield address, workers
    for process in [*workers, scheduler]:
        process.kill()
        process.wait()


def children(pid: int) -> list[int]:
    """The processes ``pid`` started, from any of its threads (a worker runs tasks in one)."""
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(p) for p in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


def test_a_cluster_with_a_worker_killed_grades_the_class_like_the_local_run(
        dask_cluster, local_run, tmp_path):
    address, workers = dask_cluster
    folder = make_class(tmp_path / "class")
    run = grade(folder, "--scheduler", address, wait=False)
    # Kill the first worker while it grades (its kernel's sandbox is its child).
    wait_for(lambda: children(workers[0].pid), 600, "the first worker to start a kernel")
    workers[0].kill()
    output, _ = run.communicate(timeout=1200)
    assert run.returncode == 0, output
    total = len(STUDENTS) * COPIES
    assert graded_now(output) == total, "every submission recorded once"
    assert len(cluster.read_ledger(folder)) == total
    assert grades_csv(folder) == grades_csv(local_run[0])


def test_material_holds_the_chapter_and_nothing_of_the_class(tmp_path):
    from nbgrader.api import Gradebook

    folder = make_class(tmp_path / "class")
    found = cluster.material(folder, CHAPTER)
    assert set(found.source) == {f"{course.notebook_name(folder, CHAPTER)}.ipynb"}
    copy = tmp_path / "material.db"
    copy.write_bytes(found.gradebook)
    with Gradebook(f"sqlite:///{copy}") as gb:
        assert [a.name for a in gb.assignments] == [CHAPTER]
        assert gb.students == []
        assert len(gb.find_notebook(course.notebook_name(folder, CHAPTER), CHAPTER).source_cells)
    pending = cluster.pending(folder, cluster.submissions(folder, [CHAPTER]))
    assert len(pending) == len(STUDENTS) * COPIES
