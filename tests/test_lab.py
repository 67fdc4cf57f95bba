"""JupyterLab for learners and instructors, without a browser: the exchange (release, fetch,
submit, collect) through nbgrader's own commands, the roster, and the Lab server starting as
root and as a user. tests/test_browser.py drives the same Lab in a real browser."""

from __future__ import annotations

import getpass
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

import harness
from rnngraded import course, lab, notebooks

CHAPTER = "01_rnn_basics"


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    return course.make_scratch_course(harness.ROOT, tmp_path_factory.mktemp("lab"), [CHAPTER])


def test_learner_fetches_submits_and_the_instructor_collects(scratch):
    work = lab.prepare_learner(scratch)
    name = course.notebook_name(scratch, CHAPTER)
    fetched = work / CHAPTER / f"{name}.ipynb"
    release = scratch / "release" / CHAPTER / f"{name}.ipynb"
    assert fetched.read_bytes() == release.read_bytes()
    config = (work / lab.STUDENT_CONFIG).read_text()
    assert "rnn-graded" in config and str(scratch / "exchange") in config
    assert "GuardedExecute" not in config  # the learner's Lab gets no grading configuration

    nb = notebooks.read(fetched)
    nb.cells.append(notebooks.nbformat.v4.new_markdown_cell("my work"))
    notebooks.write(nb, fetched)
    course.nbgrader(["submit", CHAPTER], cwd=work)
    lab.collect(scratch, [CHAPTER])
    collected = scratch / "submitted" / getpass.getuser() / CHAPTER / f"{name}.ipynb"
    assert collected.read_bytes() == fetched.read_bytes()

    # A second `make lab` keeps the learner's copy.
    lab.prepare_learner(scratch)
    assert "my work" in fetched.read_text()


def test_roster_names_students_and_rejects_a_bad_file(scratch, tmp_path):
    roster = tmp_path / "roster.csv"
    lab.write_roster(roster, [{"id": "s1", "first_name": "Ada", "last_name": "Lovelace",
                               "email": "ada@example.org"},
                              {"id": "s2", "first_name": "", "last_name": "Turing",
                               "email": ""}])
    assert lab.import_roster(scratch, roster) == 2
    from nbgrader.api import Gradebook

    with Gradebook(course.db_url(scratch)) as gb:
        ada = gb.find_student("s1")
        assert (ada.first_name, ada.last_name, ada.email) == ("Ada", "Lovelace", "ada@example.org")
        assert gb.find_student("s2").first_name is None

    bad = tmp_path / "bad.csv"
    bad.write_text("name,email\nAda,ada@example.org\n")
    result = subprocess.run([sys.executable, "-m", "rnngraded", "roster", str(bad)], cwd=scratch,
                            capture_output=True, text=True, env=course.tool_env())
    assert result.returncode != 0 and "'id' column" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_lab_command_allows_root_only_as_root(monkeypatch, tmp_path):
    monkeypatch.setattr(os, "geteuid", lambda: 0)
    assert lab.lab_command(tmp_path)[-1] == "--allow-root"
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    assert "--allow-root" not in lab.lab_command(tmp_path)
    assert f"--ServerApp.root_dir={tmp_path}" in lab.lab_command(tmp_path)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_lab(port: int, process, seconds: float = 90) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"Lab exited with {process.returncode}:\n"
                                 + process.stdout.read().decode(errors="replace"))
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/lab/api/settings?token=t",
                                        timeout=2) as reply:
                return {"status": reply.status}
        except OSError:
            time.sleep(0.5)
    raise AssertionError("Lab did not answer in time")


def start_lab(folder: Path, port: int, user: str | None = None, home: Path | None = None):
    command = [*lab.lab_command(folder), "--no-browser", f"--ServerApp.port={port}",
               "--ServerApp.ip=127.0.0.1", "--IdentityProvider.token=t"]
    command[0] = str(Path(sys.executable).parent / "jupyter")
    env = course.tool_env()
    if user:  # setpriv runs the Lab script itself (this machine's Python is under /root)
        command = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", "--",
                   str(Path(sys.executable).parent / "jupyter-lab"),
                   *[c for c in command[2:] if c != "--allow-root"]]
        env.update(HOME=str(home), JUPYTER_RUNTIME_DIR=str(home / "runtime"))
    return subprocess.Popen(command, cwd=folder, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)


@pytest.mark.slow
@pytest.mark.skipif(os.geteuid() != 0, reason="checks the start as root (and as a user from root)")
def test_lab_starts_as_root_and_as_a_user(scratch, tmp_path):
    work = lab.prepare_learner(scratch)
    assert "--allow-root" in lab.lab_command(work)
    user_base = Path(tempfile.mkdtemp(prefix="rnngraded-lab-user-"))  # pytest's tmp is root's
    user_base.chmod(0o755)
    for user in (None, "65534"):
        if user:  # a user's Lab works in a folder and a home of its own
            folder, home = user_base / "work", user_base / "home"
            shutil.copytree(work, folder)
            home.mkdir()
            subprocess.run(["chown", "-R", f"{user}:{user}", str(folder), str(home)], check=True)
        else:
            folder, home = work, tmp_path
        port = free_port()
        process = start_lab(folder, port, user, home)
        try:
            assert wait_for_lab(port, process)["status"] == 200
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/contents/{CHAPTER}"
                                        f"?token=t", timeout=10) as reply:
                listing = json.load(reply)
            assert any(item["name"].endswith(".ipynb") for item in listing["content"])
        finally:
            process.terminate()
            process.wait(timeout=30)
    shutil.rmtree(user_base)


def validate(folder: Path, notebook: Path) -> str:
    """`nbgrader validate`, as the Validate button runs it, with the configuration in folder."""
    result = course.nbgrader(["validate", str(notebook)], cwd=folder, quiet=False, check=False)
    return result.stdout + result.stderr


@pytest.mark.slow
def test_validate_shows_short_messages_in_the_students_terms(scratch, tmp_path):
    """A notebook with one classic bug and the other exercises not started, validated as the
    Validate button does; the same notebook's tracebacks with IPython's own formatting are
    what it used to show."""
    release = course.release_notebook(scratch, CHAPTER)
    bug = sorted((harness.ROOT / "tests" / "variants" / CHAPTER / "rnn_cell_forward")
                 .glob("bug_*.py"))[0]
    answers = {"rnn_cell_forward": bug.read_text()}
    notebook = tmp_path / "short" / f"{CHAPTER}.ipynb"
    notebooks.write(notebooks.with_answers(release, answers), notebook)
    stock = tmp_path / "stock" / f"{CHAPTER}.ipynb"
    long_form = notebooks.with_answers(release, answers)
    after_setup = next(i for i, c in enumerate(long_form.cells)
                       if notebooks.grade_id(c) == "setup") + 1
    long_form.cells.insert(after_setup, notebooks.nbformat.v4.new_code_cell(
        "get_ipython().set_custom_exc((), None)  # IPython's own tracebacks"))
    notebooks.write(long_form, stock)
    short, full = validate(scratch, notebook), validate(scratch, stock)
    assert "rnngraded/checks.py" in full  # what the Validate dialog used to show
    assert "rnngraded/" not in short and "site-packages" not in short
    assert "not done yet: the starter still raises NotImplementedError" in short
    # An unanswered question: its line and a message that reads as English.
    assert "AssertionError: ex91_param_count should be an int, got None" in short
    assert "Cell In[" in short
    assert len(short) < len(full) / 2, (len(short), len(full))
