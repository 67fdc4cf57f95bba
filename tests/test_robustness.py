"""Grading that cannot be fooled or broken (issue 7): tricks earn nothing, faults are recorded.

* Unit tests: the checks read a result's data without running its class's code.
* The trick catalogue (tests/catalogue.py, tests/tricks/) over every chapter in source/,
  through real nbgrader: no trick scores more than the same wrong answers without it, a test
  whose evidence is not plain data fails with a message, and fake success printed or
  rendered by the kernel leaves every failed test failed.
* Faults, through ``python -m rnngraded grade`` in a scratch course whose first grading run is
  killed half-way: every submission gets the points it earned and a plain reason.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import catalogue
import nbformat
import numpy as np
import pytest

import harness
from rnngraded import checks, course, notebooks

# --- the checks cannot be lied to ---------------------------------------------------------------


class LyingShape(np.ndarray):
    """Copies the expected answer into itself when its shape is read from a check."""

    @property
    def shape(self):
        frame = sys._getframe(1)
        while frame is not None:
            e = frame.f_locals.get("e")
            if isinstance(e, np.ndarray) and e.shape == np.ndarray.shape.__get__(self):
                np.ndarray.__setitem__(self, Ellipsis, e)
            frame = frame.f_back
        return np.ndarray.shape.__get__(self)

    def __eq__(self, other):
        return np.ones(np.ndarray.shape.__get__(self), bool)


class Proxy:
    def __init__(self, expected):
        self.expected = expected

    def __array__(self, dtype=None, copy=None):
        return np.asarray(self.expected, dtype=dtype)

    @property
    def __class__(self):
        return np.ndarray

    shape = (2, 2)


class LyingFloat(float):
    def __float__(self):
        return 1.0

    def __eq__(self, other):
        return True

    __hash__ = float.__hash__


class LyingInt(int):
    def __int__(self):
        return 36

    __index__ = __int__

    def __eq__(self, other):
        return True

    __hash__ = int.__hash__


def test_checks_read_the_data_not_what_the_result_claims():
    expected = np.arange(4.0).reshape(2, 2)
    liar = np.zeros((2, 2)).view(LyingShape)
    with pytest.raises(AssertionError, match="differs from the reference"):
        checks.check_close(liar, expected, "h")
    assert not checks.close(liar, expected)
    with pytest.raises(AssertionError, match="should be an array of numbers, got Proxy"):
        checks.check_close(Proxy(expected), expected, "h")
    with pytest.raises(AssertionError, match="should be an ndarray"):
        checks.check_type(Proxy(expected), np.ndarray, "h")
    with pytest.raises(AssertionError, match="is 0, expected 1"):
        checks.check_scalar(LyingFloat(0.0), 1.0, "p")
    with pytest.raises(AssertionError, match="is 35, expected 36"):
        checks.check_integer(LyingInt(35), 36, "count")
    # Honest values of every supported kind still pass.
    checks.check_close(expected.tolist(), expected, "list")
    checks.check_close(np.float32(2.0), 2.0, "numpy scalar")
    checks.check_close((1.0, 2.0), [1.0, 2.0], "tuple")
    checks.check_scalar(np.float64(0.5), 0.5, "np.float64")
    checks.check_integer(np.int64(36), 36, "np.int64")
    checks.check_close(np.ma.masked_array([1.0, 2.0]), [1.0, 2.0], "masked array")


def test_checks_see_through_tensor_subclasses():
    torch = pytest.importorskip("torch")

    class LyingTensor(torch.Tensor):
        @classmethod
        def __torch_function__(cls, func, types, args=(), kwargs=None):
            if getattr(func, "__name__", "") in ("numpy", "detach", "to", "cpu"):
                return torch.ones(2)
            return super().__torch_function__(func, types, args, kwargs or {})

    liar = torch.zeros(2).as_subclass(LyingTensor)
    with pytest.raises(AssertionError, match="differs from the reference"):
        checks.check_close(liar, np.ones(2), "h")
    checks.check_close(torch.nn.Parameter(torch.ones(2)), np.ones(2), "parameter")


# --- the trick catalogue, through real nbgrader --------------------------------------------------


@pytest.fixture(scope="module")
def verdicts(tmp_path_factory):
    return catalogue.run(tmp_path_factory.mktemp("tricks"))


def test_catalogue_covers_every_family_in_every_chapter(verdicts):
    families = {v.trick.family for v in verdicts}
    assert families >= {"patched comparison helpers", "patched assertion helpers",
                        "results that fake equality or arithmetic",
                        "swallowed exceptions or tracebacks",
                        "answers hard-coded for the visible tests",
                        "edited or deleted test cells"}
    tricks = {v.trick.name for v in verdicts}
    for chapter in harness.CHAPTERS:
        tried = {v.trick.name for v in verdicts if v.chapter == chapter}
        assert tried == tricks, f"{chapter}: not tried {sorted(tricks - tried)}"


def test_no_trick_earns_a_point(verdicts):
    print("\n" + catalogue.table(verdicts))
    unearned = [f"{v.chapter}: {v.trick.name} (in {v.slot or 'the notebook'}) -> {v.unearned}"
                for v in verdicts if not v.held]
    assert not unearned, "tricks earned points:\n" + "\n".join(unearned)


def test_evidence_that_is_not_plain_data_fails_with_a_message(verdicts):
    tried = [v for v in verdicts if v.trick.name == "evidence_not_plain"]
    assert len(tried) == len(harness.CHAPTERS)
    for v in tried:
        # Which EvidenceError depends on the tricks that share the notebook (one that replaces
        # the display machinery leaves no evidence at all); tests/test_judge.py checks each.
        message = v.messages.get(f"{v.slot}_tests", "")
        assert message.startswith("EvidenceError:") and len(message) > 30, (v.chapter, message)


FAKE_SUCCESS = {"errors rendered as success", "forged kernel replies", "forged evidence"}


def test_fake_success_leaves_failed_tests_failed_with_a_message(verdicts):
    tried = [v for v in verdicts if v.trick.family in FAKE_SUCCESS
             or v.trick.name == "displayhook_full_marks"]
    assert {v.trick.name for v in tried} >= {"success_formatter", "forged_replies",
                                             "forged_evidence", "displayhook_full_marks"}
    for v in tried:
        for cell, base_message in v.base_messages.items():
            if base_message:  # failed without the trick: fails with it, and says why
                assert v.messages.get(cell), (v.chapter, v.trick.name, cell)


# --- faults ---------------------------------------------------------------------------------------

CHAPTER = "01_rnn_basics"
TIMEOUT = 6  # seconds per cell in the fault course (the class uses 60)

LOOP = "\nwhile True:\n    pass\n"
STUBBORN = ("\nimport time as _time\nwhile True:\n    try:\n        _time.sleep(0.05)\n"
            "    except BaseException:\n        pass\n")
EXIT = "\nimport os as _os\n_os._exit(3)\n"
SEGFAULT = "\nimport ctypes as _ctypes\n_ctypes.string_at(0)\n"
MEMORY = "\n_hog = []\nwhile True:\n    _hog.append(np.empty(512 * 1024 * 1024, dtype=np.uint8))\n"
FLOOD = "\nprint('x' * 3_000_000)\nfor _i in range(200_000):\n    print(_i)\n"
WRITE_GRADEBOOK = ("import os as _os, sqlite3 as _sqlite3\n"
                   "_db = _sqlite3.connect(_os.path.abspath('../../../gradebook.db'), timeout=30)\n"
                   "_db.execute('UPDATE grade SET manual_score = 100')\n_db.commit()\n")
EXIT_IN_TEST = ("\n_forward = MyRNN.forward\n\ndef _dies(self, *a, **k):\n    import os\n"
                "    os._exit(4)\n\nMyRNN.forward = _dies\n")

# student -> (cells with extra code appended, cells whose tests lose their points,
#             words each expected fault reason holds)
FAULTS = {
    "reference": ({}, set(), []),
    "kept_points": ({"rnn_param_count": LOOP, "MyRNN": FLOOD},
                    set(), [f"longer than the {TIMEOUT} s limit",
                            "the reference solution runs this cell in", "out of memory",
                            "output flood", "appear more than once"]),
    "crash1": ({"masked_mean": EXIT, "rnn_forward": SEGFAULT},
               {"masked_mean_tests", "rnn_forward_tests"},
               ["exited with code 3", "segmentation fault"]),
    "crash2": ({"sequence_log_prob": STUBBORN, "MyRNN": EXIT_IN_TEST},
               {"sequence_log_prob_tests", "MyRNN_tests"},
               ["ignored the interrupt", "exited with code 4"]),
    "invalid_json": (None, "all", ["not a readable notebook"]),
    "writes_gradebook": ({"rnn_param_count": WRITE_GRADEBOOK}, {"rnn_param_count_tests"}, []),
    "renamed": ({}, set(), ["renamed to my_work.ipynb"]),
    "missing": (None, "all", ["no notebook"]),
}


def fault_submission(folder: Path, student: str, extra: dict | None) -> None:
    where = folder / "submitted" / student / CHAPTER
    where.mkdir(parents=True, exist_ok=True)
    if student == "invalid_json":
        (where / f"{CHAPTER}.ipynb").write_text('{"cells": [{"cell_type": "code", ')
        return
    if student == "missing":
        (where / "notes.txt").write_text("I could not finish, sorry")
        return
    release = course.release_notebook(folder, CHAPTER)
    answers = {cell: text + extra.get(cell, "") for cell, text in
               harness.solutions(CHAPTER).items()}
    if student == "writes_gradebook":  # no answer, but a manual score of 100 for every cell
        answers["rnn_param_count"] = extra["rnn_param_count"] + "raise NotImplementedError()\n"
    nb = notebooks.with_answers(release, answers)
    if student == "kept_points":
        # a duplicated answer cell (the copy comes last and is graded) and an extra cell that
        # eats all memory (the grader reruns the notebook without it)
        cell = notebooks.cells_by_id(nb)["rnn_cell_forward"]
        copy = nbformat.from_dict(cell)
        copy.source = harness.solutions(CHAPTER)["rnn_cell_forward"]
        nb.cells.insert(nb.cells.index(cell) + 1, copy)
        nb.cells.insert(nb.cells.index(cell) + 2, nbformat.v4.new_code_cell(MEMORY))
    name = "my_work.ipynb" if student == "renamed" else f"{CHAPTER}.ipynb"
    notebooks.write(nb, where / name)


@pytest.fixture(scope="module")
def fault_course(tmp_path_factory):
    """A scratch course with the fault submissions; grading is killed mid-run, then run."""
    folder = course.make_scratch_course(harness.ROOT, tmp_path_factory.mktemp("faults"),
                                        [CHAPTER])
    with open(folder / course.CONFIG_FILE, "a") as config:
        config.write(f"\nc.ExecutePreprocessor.timeout = {TIMEOUT}\n"
                     "c.GuardedExecute.stuck_timeout = 5\n")
    for student, (extra, _, _) in FAULTS.items():
        fault_submission(folder, student, extra)
    # Kill the grader (and with it its kernel) once the first submission is graded.
    env = course.tool_env()
    killed = subprocess.Popen([sys.executable, "-m", "rnngraded", "grade"], cwd=folder, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and not list(folder.glob("autograded/*/*/*.ipynb")):
        time.sleep(0.5)
    os.killpg(killed.pid, signal.SIGKILL)
    killed.wait()
    result = subprocess.run([sys.executable, "-m", "rnngraded", "grade"], cwd=folder, env=env,
                            capture_output=True, text=True, timeout=1200)
    assert result.returncode == 0, result.stdout + result.stderr
    return folder, result.stdout, course.read_grades(folder, CHAPTER)


@pytest.mark.parametrize("student", list(FAULTS))
def test_fault_keeps_earned_points_and_says_why(fault_course, student):
    folder, out, grades = fault_course
    _, lost, words = FAULTS[student]
    reference = grades["reference"]
    grade = grades[student]
    expected = {c.grade_id: c.score for c in reference.cells if c.auto}
    got = {c.grade_id: (c.score or 0.0) for c in grade.cells if c.grade_id in expected}
    assert set(got) == set(expected), f"{student}: cells missing from the gradebook"
    for cell, full in expected.items():
        want = 0.0 if lost == "all" or cell in lost else full
        assert got[cell] == want, f"{student}: {cell} scored {got[cell]}, expected {want}"
    report = (folder / "grade_report.md").read_text()
    lines = report.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{student} / {CHAPTER}:"))
    end = next((i for i in range(start + 1, len(lines)) if not lines[i].startswith("  ")),
               len(lines))
    block = "\n".join(lines[start:end])
    for word in words:
        assert any(word in line for line in block.splitlines() if "! FAULT:" in line), (
            f"{student}: '{word}' not among the faults in the report:\n{block}")
    if not words:
        assert not grade.faults and "FAULT" not in block


def test_faults_leave_the_gradebook_consistent(fault_course):
    folder, out, grades = fault_course
    from nbgrader.api import Gradebook

    assert sorted(grades) == sorted(FAULTS)
    with Gradebook(f"sqlite:///{folder / 'gradebook.db'}") as gb:
        assert sorted(s.id for s in gb.students) == sorted(FAULTS)
        for student in FAULTS:
            submission = gb.find_submission(CHAPTER, student)
            names = [g.name for nb in submission.notebooks for g in nb.grades]
            assert len(names) == len(set(names)), f"{student}: duplicated grade rows"
            assert all(g.auto_score is not None for nb in submission.notebooks
                       for g in nb.grades if g.cell.cell_type == "code"), student
        # the submission that tried to write manual scores of 100 never saw the gradebook
        assert all(g.manual_score is None for nb in gb.find_submission(
            CHAPTER, "writes_gradebook").notebooks for g in nb.grades)
    assert "FAULT" in out and "NOT GRADED" not in out
