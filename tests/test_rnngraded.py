"""Unit tests of the helper package."""

import math

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
    assert "ada" in table and "5.0" in table and "8.0" in table and "62.5%" in table
    assert "1 written answer(s)" in table
    report = cli.format_check(grade)
    assert "5 / 8 autograded points" in report
    assert "FAIL" in report and "h has shape (3, 5)" in report
    assert "graded by your instructor" in report
    score_columns = {line.index(" / ") for line in report.splitlines()[1:] if " / " in line}
    assert len(score_columns) == 1, f"scores out of column:\n{report}"


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


def test_feedback_hides_hidden_tests_and_their_tracebacks():
    from nbformat.v4 import new_code_cell, new_output

    from rnngraded.feedback import hide_hidden_tests

    test = new_code_cell("### BEGIN HIDDEN TESTS\nassert secret_check(f)\n### END HIDDEN TESTS\n"
                         "assert f(1) == 2, 'visible'")
    test.metadata = {"nbgrader": {"grade": True, "solution": False, "grade_id": "f_tests"}}
    test.outputs = [new_output("error", ename="AssertionError", evalue="f is wrong: look at x",
                               traceback=["Traceback", "assert secret_check(f)", "AssertionError"])]
    answer = new_code_cell("def f(x):\n    return 2 * x  # BEGIN HIDDEN TESTS is just text here")
    answer.metadata = {"nbgrader": {"grade": False, "solution": True, "grade_id": "f"}}
    answer.outputs = [new_output("error", ename="E", evalue="v", traceback=["my own frame"])]
    for cell in (test, answer):
        hide_hidden_tests(cell)
    assert "secret_check" not in test.source and "assert f(1) == 2" in test.source
    assert test.outputs[0]["traceback"] == ["AssertionError: f is wrong: look at x"]
    assert answer.outputs[0]["traceback"] == ["my own frame"], "the student's own cells are kept"


def test_grade_report_lists_lost_exercises_and_ungraded_submissions():
    grade = course.SubmissionGrade("ada", "01_rnn_basics", [
        course.CellGrade("a_tests", 2.0, 2.0, True),
        course.CellGrade("b_tests", 0.0, 3.0, True, "AssertionError: h has shape (3, 5)"),
    ])
    report = cli.format_report([grade], ["bob / 01_rnn_basics"])
    assert "ada / 01_rnn_basics: 2 / 5 autograded points" in report
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
