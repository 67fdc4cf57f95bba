"""Unit tests of the helper package."""

import argparse
import math
import sys

import numpy as np
import pytest
import torch
import torch.nn as nn

from harness import ROOT
from rnngraded import autograding, budget, checks, cli, course, notebooks
from rnngraded.data import adding_problem, sine_waves
from rnngraded.plotting import use_course_style


def test_budget_follows_nbgrader_execution(monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    assert not autograding() and budget(100, 5) == 100
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert autograding() and budget(100, 5) == 5


def test_rel_error_and_check_close():
    a = np.array([1.0, 2.0, 3.0])
    assert checks.rel_error(a, a) == 0
    assert checks.rel_error([1.0], [3.0]) == pytest.approx(0.5)
    checks.check_close(a, a + 1e-12, "a")
    checks.check_close(torch.tensor(a), a, "a as tensor")
    with pytest.raises(AssertionError, match=r"a differs .* at index \(1,\) got 2.1.*: look here"):
        checks.check_close(np.array([1.0, 2.1, 3.0]), a, "a", hint="look here")
    shape_message = r"h has shape \(3, 5\), expected \(3, 4\): check W_hh"
    with pytest.raises(AssertionError, match=shape_message):
        checks.check_close(np.zeros((3, 5)), np.zeros((3, 4)), "h", hint="check W_hh")
    with pytest.raises(AssertionError, match="inf or nan"):
        checks.check_close(np.array([np.nan]), np.array([1.0]), "x")


def test_check_close_compares_values_not_claims():
    class ClaimsEqual(np.ndarray):
        def __eq__(self, other):
            return np.ones(self.shape, dtype=bool)

    fake = np.zeros(3).view(ClaimsEqual)
    with pytest.raises(AssertionError):
        checks.check_close(fake, np.ones(3), "fake")


def test_close_is_a_quiet_check_close():
    assert checks.close(np.ones(2), np.ones(2))
    assert not checks.close(np.ones(2), np.ones(3))
    assert not checks.close(np.ones(2), np.zeros(2))


def test_check_scalar_and_integer():
    assert checks.check_scalar(np.float64(0.5), 0.5, "x") == 0.5
    checks.check_scalar(torch.tensor(0.25), 0.25, "x")
    with pytest.raises(AssertionError, match="single number"):
        checks.check_scalar(np.array([0.5, 0.5]), 0.5, "x")
    with pytest.raises(AssertionError, match="-inf"):
        checks.check_scalar(-math.inf, 1.0, "x")
    with pytest.raises(AssertionError, match="single number"):
        checks.check_scalar(True, 1.0, "flag")
    checks.check_integer(np.int64(3), 3, "n")
    with pytest.raises(AssertionError, match="should be an int"):
        checks.check_integer(3.0, 3, "n")
    with pytest.raises(AssertionError, match="n is 4, expected 3: count again"):
        checks.check_integer(4, 3, "n", hint="count again")


def test_unchanged_and_call_and_raises():
    a = np.ones(3)
    before = checks.snapshot(a)
    checks.check_unchanged(before, [a], ["a"], "f")
    a[0] = 2
    with pytest.raises(AssertionError, match="changed its argument a in place"):
        checks.check_unchanged(before, [a], ["a"], "f")

    def broken(x):
        return x @ np.ones((5, 2))

    with pytest.raises(AssertionError, match=r"broken raised ValueError.*\(3, 4\).*orientation"):
        checks.call(broken, np.ones((3, 4)), hint="orientation")

    def todo(x):
        raise NotImplementedError()

    with pytest.raises(NotImplementedError):
        checks.call(todo, 1)
    checks.check_raises(lambda: 1 / 0, ZeroDivisionError, "dividing")
    with pytest.raises(AssertionError, match="expected ValueError, but it returned 1"):
        checks.check_raises(lambda: 1, ValueError, "this")
    with pytest.raises(AssertionError, match="expected ValueError, but got ZeroDivisionError"):
        checks.check_raises(lambda: 1 / 0, ValueError, "this")


def test_distinct_sizes_are_distinct():
    for seed in range(20):
        sizes = checks.distinct_sizes(np.random.default_rng(seed), 4, 2, 9)
        assert len(set(sizes)) == 4 and all(2 <= s <= 9 for s in sizes)


def test_forbidden_layers_are_found_in_modules_and_in_forward():
    class UsesLinear(nn.Module):
        def __init__(self):
            super().__init__()
            self.layer = nn.Linear(2, 2)

        def forward(self, x):
            return self.layer(x)

    class BuildsOnTheFly(nn.Module):
        def forward(self, x):
            return nn.RNN(2, 3)(x)[0]

    class Clean(nn.Module):
        def __init__(self):
            super().__init__()
            self.w = nn.Parameter(torch.ones(2, 2))

        def forward(self, x):
            return x @ self.w

    x = torch.ones(1, 2)
    with pytest.raises(AssertionError, match="contains nn.Linear"):
        checks.check_no_forbidden_layers(UsesLinear(), lambda: None)
    model = BuildsOnTheFly()
    with pytest.raises(AssertionError, match="called nn.RNN during forward"):
        checks.check_no_forbidden_layers(model, lambda: model(torch.ones(1, 4, 2)))
    clean = Clean()
    checks.check_no_forbidden_layers(clean, lambda: clean(x))
    assert nn.RNN(2, 3)(torch.ones(1, 4, 2))[0].shape == (1, 4, 3), "forward was not restored"


def test_adding_problem():
    g = torch.Generator().manual_seed(0)
    inputs, targets = adding_problem(8, 10, g)
    assert inputs.shape == (8, 10, 2) and targets.shape == (8,)
    mask = inputs[..., 1]
    assert torch.all(mask.sum(1) == 2)
    assert torch.all(mask[:, :5].sum(1) == 1), "one mark in each half"
    assert torch.allclose(targets, (inputs[..., 0] * mask).sum(1))
    again, _ = adding_problem(8, 10, torch.Generator().manual_seed(0))
    assert torch.equal(inputs, again), "seeded data must repeat"
    with pytest.raises(ValueError):
        adding_problem(1, 1)


def test_sine_waves():
    waves = sine_waves(3, 20, torch.Generator().manual_seed(1))
    assert waves.shape == (3, 20, 1) and waves.abs().max() <= 1


def test_course_style_sets_rc():
    import matplotlib as mpl

    use_course_style()
    assert mpl.rcParams["axes.spines.top"] is False


def test_course_layout_is_found():
    assert course.find_root(ROOT / "tests") == ROOT
    assert course.notebook_name(ROOT, "01_rnn_basics") == "01_rnn_basics"
    with pytest.raises(FileNotFoundError):
        course.find_root(ROOT.parent.parent)


def test_notebook_helpers():
    source = course.source_notebook(ROOT, "01_rnn_basics")
    ids = notebooks.autograded_answer_ids(source)
    assert ids[:2] == ["ex91_by_hand", "rnn_cell_forward"]
    assert "written_9_2" in notebooks.answer_ids(source)
    edited = notebooks.with_answers(source, {"rnn_cell_forward": "pass"})
    assert notebooks.cells_by_id(edited)["rnn_cell_forward"].source == "pass"
    assert notebooks.cells_by_id(source)["rnn_cell_forward"].source != "pass", "copy, not edit"
    with pytest.raises(KeyError):
        notebooks.with_answers(source, {"no_such_cell": ""})


def test_find_assignment_by_name_or_cells(tmp_path):
    release = course.release_notebook(ROOT, "01_rnn_basics")
    renamed = tmp_path / "my copy (2).ipynb"
    notebooks.write(release, renamed)
    assert cli.find_assignment(ROOT, renamed) == "01_rnn_basics"
    other = tmp_path / "other.ipynb"
    notebooks.write(notebooks.nbformat.v4.new_notebook(), other)
    with pytest.raises(SystemExit, match="matches no chapter"):
        cli.find_assignment(ROOT, other)


def test_format_table_and_check():
    grade = course.SubmissionGrade("ada", "01_rnn_basics", [
        course.CellGrade("a_tests", 2.0, 2.0, True),
        course.CellGrade("b_tests", 0.0, 3.0, True, "AssertionError: h has shape (3, 5)"),
        course.CellGrade("written", None, 2.0, False),
        course.CellGrade("scaled_dot_product_attention_tests", 3.0, 3.0, True),
    ])
    table = cli.format_table([grade])
    row = next(line for line in table.splitlines() if line.startswith("ada"))
    assert row.split()[2:7] == ["5.0", "10.0", "50.0%", "5.0", "0/2"], table
    assert "1 written answer(s) still to grade by hand (2 points)" in row
    graded = course.SubmissionGrade("bo", "01_rnn_basics", [
        *grade.cells[:2], course.CellGrade("written", 1.5, 2.0, False)])
    row = cli.format_table([graded]).splitlines()[-1]
    assert row.split()[2:7] == ["3.5", "7.0", "50.0%", "2.0", "1.5/2"], row
    assert "by hand" not in row
    assert "bo / 01_rnn_basics: 3.5 / 7 points (2 / 5 autograded, 1.5 / 2 graded by hand)" in (
        cli.format_report([graded], []))
    report = cli.format_check(grade)
    assert "5 / 8 autograded points" in report
    assert "FAIL" in report and "h has shape (3, 5)" in report
    assert "graded by your instructor" in report
    score_columns = {line.index(" / ") for line in report.splitlines()[1:] if " / " in line}
    assert len(score_columns) == 1, f"scores out of column:\n{report}"


def test_check_shows_partial_credit_with_each_failed_part():
    message = ("PartialCredit: 2 of 3 points.\n[rows with no allowed position] they must be "
               "all zeros\n(passed: main behaviour)")
    grade = course.SubmissionGrade("ada", "04_seq2seq_attention", [
        course.CellGrade("masked_softmax_tests", 2.0, 3.0, True, message)])
    report = cli.format_check(grade).splitlines()
    assert report[1].split()[1:] == ["2", "/", "3", "PART"]
    assert report[2:] == ["      [rows with no allowed position] they must be all zeros",
                          "      (passed: main behaviour)"]


def test_grading_streams_send_stderr_to_stdout_only_under_grading(monkeypatch):
    import sys

    from rnngraded import grading_streams

    monkeypatch.setattr(sys, "stderr", sys.stderr)
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    grading_streams()
    assert sys.stderr is not sys.stdout
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    grading_streams()
    assert sys.stderr is sys.stdout


def test_feedback_keeps_only_verdicts_and_cuts_known_hidden_text():
    from nbformat.v4 import new_code_cell, new_output

    from rnngraded.feedback import OUTPUTS_NOTE, hide_hidden_tests, secret_lines

    hidden = "### BEGIN HIDDEN TESTS\nassert secret_check(f, 12345)\n### END HIDDEN TESTS\n"
    test = new_code_cell(hidden + "assert f(1) == 2, 'visible'")
    test.metadata = {"nbgrader": {"grade": True, "solution": False, "grade_id": "f_tests"}}
    test.outputs = [
        new_output("stream", name="stdout", text="<cell>:2: RuntimeWarning: overflow\n  "
                                                 "assert secret_check(f, 12345)\n"),
        new_output("error", ename="AssertionError",
                   evalue="f raised ValueError: assert secret_check(f, 12345)",
                   traceback=["Traceback", "assert secret_check(f, 12345)", "AssertionError"])]
    answer = new_code_cell("def f(x):\n    return 2 * x  # BEGIN HIDDEN TESTS is just text here")
    answer.metadata = {"nbgrader": {"grade": False, "solution": True, "grade_id": "f"}}
    answer.outputs = [new_output("stream", name="stdout", text="assert secret_check(f, 12345)")]
    secrets = secret_lines(test.source)
    assert secrets == {"assert secret_check(f, 12345)"}
    for cell in (test, answer):
        hide_hidden_tests(cell, secrets)
    assert "secret_check" not in test.source and "assert f(1) == 2" in test.source
    assert len(test.outputs) == 1, "a test cell shows its verdict only"
    assert test.outputs[0]["traceback"] == ["AssertionError: f raised ValueError: [hidden]"]
    assert answer.source.startswith("def f(x)"), "the student's own code is shown"
    assert [o["text"] for o in answer.outputs] == [OUTPUTS_NOTE + "\n"]


def test_feedback_keeps_a_partly_passed_test_s_points_and_failed_parts():
    from nbformat.v4 import new_code_cell, new_output

    from rnngraded.feedback import hide_hidden_tests

    hidden = "### BEGIN HIDDEN TESTS\nassert secret_check(f, 12345)\n### END HIDDEN TESTS\n"
    test = new_code_cell(hidden + "assert f(1) == 2, 'visible'")
    test.metadata = {"nbgrader": {"grade": True, "solution": False, "grade_id": "f_tests",
                                  "points": 3}}
    verdict = ("PartialCredit: 2 of 3 points.\n[rows with no allowed key] got NaN where the "
               "convention gives zeros: assert secret_check(f, 12345)\n(passed: main behaviour)\n")
    test.outputs = [new_output("stream", name="stdout", text=verdict),
                    new_output("execute_result", data={"text/plain": "2"}, execution_count=1)]
    hide_hidden_tests(test, {"assert secret_check(f, 12345)"})
    assert [o["output_type"] for o in test.outputs] == ["stream"]
    text = test.outputs[0]["text"]
    assert text.startswith("PartialCredit: 2 of 3 points.") and "(passed: main behaviour)" in text
    assert "the convention gives zeros: [hidden]" in text


def test_warnings_under_grading_do_not_quote_source_lines(monkeypatch):
    import sys
    import warnings

    from rnngraded import grading_streams

    monkeypatch.setattr(sys, "stderr", sys.stderr)
    monkeypatch.setattr(warnings, "formatwarning", warnings.formatwarning)
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    grading_streams()
    text = warnings.formatwarning("overflow", RuntimeWarning, "cell.py", 3, "secret = line()")
    assert text == "RuntimeWarning: overflow\n"


def test_sandbox_that_cannot_start_says_how_to_fix_it(monkeypatch):
    from rnngraded import sandbox

    monkeypatch.setattr(sandbox, "bwrap", lambda: "/bin/false")
    with pytest.raises(sandbox.SandboxUnavailable, match="user namespaces"):
        sandbox.check_available.__wrapped__()
    monkeypatch.setattr(sandbox, "check_available", sandbox.check_available.__wrapped__)
    with pytest.raises(SystemExit, match="--unsafe-no-sandbox"):
        cli.require_sandbox(argparse.Namespace(unsafe_no_sandbox=False))
    assert cli.require_sandbox(argparse.Namespace(unsafe_no_sandbox=True)) is False


def test_sandbox_command_confines_the_kernel():
    from rnngraded import sandbox

    argv = sandbox.command(["python", "-c", "pass"], limits=sandbox.Limits(memory_mb=100))
    text = " ".join(argv)
    for flag in ("--unshare-pid", "--unshare-net", "--unshare-ipc", "--die-with-parent",
                 "--clearenv", "--new-session", f"--chdir {sandbox.SCRATCH}"):
        assert flag in text
    assert f"--as={100 * 1024 * 1024}" in text and "OMP_NUM_THREADS 1" in text
    read_only = [argv[i + 1] for i, a in enumerate(argv) if a == "--ro-bind"]
    root = str(course.find_root())
    assert not any(p == root or p.startswith(root + "/source") or "/tests" in p
                   for p in read_only), read_only
    if sandbox.as_root():
        assert "--no-new-privs" in text and "--bounding-set=-all" in text


def test_grade_report_lists_lost_exercises_and_ungraded_submissions():
    grade = course.SubmissionGrade("ada", "01_rnn_basics", [
        course.CellGrade("a_tests", 2.0, 2.0, True),
        course.CellGrade("b_tests", 0.0, 3.0, True, "AssertionError: h has shape (3, 5)"),
    ])
    report = cli.format_report([grade], ["bob / 01_rnn_basics"])
    assert "ada / 01_rnn_basics: 2 / 5 points (2 / 5 autograded)" in report
    assert "unsafe" not in report
    assert cli.UNSAFE_WARNING in cli.format_report([grade], [], unsafe=True).splitlines()[2]
    assert "  - b_tests: 0 / 3: AssertionError: h has shape (3, 5)" in report
    assert "a_tests" not in report
    assert "bob / 01_rnn_basics: NOT GRADED" in report


def test_reversal_task_reverses_within_length_and_ends_with_eos():
    from rnngraded.data import EOS, PAD, reversal_task

    generator = torch.Generator().manual_seed(3)
    source, lengths, target = reversal_task(50, 2, 7, generator=generator)
    assert source.shape == (50, 7) and target.shape == (50, 8)
    assert set(lengths.tolist()) <= set(range(2, 8))
    for row in range(50):
        n = int(lengths[row])
        assert target[row, :n].tolist() == source[row, :n].tolist()[::-1]
        assert int(target[row, n]) == EOS
        assert (source[row, n:] == PAD).all() and (target[row, n + 1:] == PAD).all()
        assert (source[row, :n] >= 3).all()


@pytest.mark.parametrize("root_mode", [True, False], ids=["as-root", "as-user"])
def test_sandbox_runs_python_confined(monkeypatch, root_mode):
    """The real bwrap command, in both modes: as root (the kernel drops to a fresh uid) and as
    a user (an unprivileged user namespace; on this machine root builds it the same way)."""
    import subprocess

    from rnngraded import sandbox

    if root_mode and not sandbox.as_root():
        pytest.skip("root mode needs root")
    monkeypatch.setattr(sandbox, "as_root", lambda: root_mode)
    probe = ("import os, socket, sys, torch\n"
             "print(os.getuid(), os.getcwd(), torch.get_num_threads(), sep='|')\n"
             "print(sorted(os.listdir(os.path.dirname(os.path.dirname(__import__('rnngraded')"
             ".__file__)))))\n"
             "try:\n    socket.create_connection(('10.0.0.1', 80), timeout=2)\n"
             "except OSError as err:\n    print('no network:', err.errno)\n")
    argv = sandbox.command([sys.executable, "-c", probe], limits=sandbox.Limits())
    result = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    uid, cwd, threads = lines[0].split("|")
    assert int(uid) >= sandbox.UID_BASE if root_mode else int(uid) == 1000
    assert cwd == sandbox.SCRATCH and threads == "1", lines[0]
    assert "'source'" not in lines[1] and "'tests'" not in lines[1], lines[1]
    assert lines[2].startswith("no network"), lines


def test_sandbox_sees_read_only_trees_under_tmp(monkeypatch, tmp_path):
    """A course checked out under /tmp: its package stays visible in the sandbox (the sandbox's
    own /tmp must not hide it)."""
    import subprocess

    from rnngraded import sandbox

    tree = tmp_path / "checkout"
    tree.mkdir()
    (tree / "marker.txt").write_text("visible")
    trees = sandbox.read_only_trees()
    monkeypatch.setattr(sandbox, "read_only_trees", lambda: [*trees, tree])
    argv = sandbox.command(["cat", str(tree / "marker.txt")], limits=sandbox.Limits())
    result = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    assert result.stdout == "visible", result.stderr


def test_type_messages_read_as_english():
    with pytest.raises(AssertionError, match=r"n should be an int, got None$"):
        checks.check_type(None, (int, np.integer), "n")
    with pytest.raises(AssertionError, match=r"x should be an ndarray, got a list"):
        checks.check_type([1.0], np.ndarray, "x")
    with pytest.raises(AssertionError, match=r"y should be a float, got an int"):
        checks.check_type(1, float, "y")


def test_short_traceback_keeps_the_students_cells_and_the_message():
    full = ["\x1b[31m-----\x1b[0m", "\x1b[0;31mCell In[7], line 3\x1b[0m\n----> 3 f(x)",
            "Cell In[6], line 2, in f(x)\n----> 2 return g(x)",
            "File /env/site-packages/torch/nn/functional.py:99, in g(x)",
            "File /course/rnngraded/checks.py:89, in check_type(...)", "AssertionError: bad"]
    short = checks.short_traceback("AssertionError", "bad", full)
    assert short == [full[1], full[2], "AssertionError: bad"]
    chained = ["Cell In[2], line 1\n f()", "The above exception was the direct cause of the "
               "following exception:", "Cell In[3], line 1\n checks.call(f)", "File x.py:1"]
    assert checks.short_traceback("AssertionError", "m", chained) == [chained[2],
                                                                      "AssertionError: m"]
    assert checks.short_traceback("NotImplementedError", "", full) == [checks.NOT_DONE]
