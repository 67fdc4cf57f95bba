"""The instructor and learner commands, run as a person would run them."""

import csv
import re
import shutil
import subprocess
import sys
from html import escape as html_escape

import pytest

from harness import REGION, ROOT, solutions
from rnngraded import course, notebooks

CHAPTER = "01_rnn_basics"


def run(args, cwd):
    return subprocess.run([sys.executable, "-m", "rnngraded", *args], cwd=cwd,
                          env=course.tool_env(), capture_output=True, text=True, timeout=600)


def gradebook_state():
    db = ROOT / "gradebook.db"
    return db.stat().st_mtime_ns if db.exists() else None


def test_check_reports_points_and_messages_without_touching_the_gradebook(tmp_path):
    release = course.release_notebook(ROOT, CHAPTER)
    bug = ROOT / "tests/variants" / CHAPTER / "rnn_cell_forward" / "bug_no_bias.py"
    answers = {**solutions(CHAPTER), "rnn_cell_forward": bug.read_text()}
    answers.pop("written_9_2")
    mine = tmp_path / "01_rnn_basics.ipynb"
    notebooks.write(notebooks.with_answers(release, answers), mine)
    before = gradebook_state()

    result = run(["check", str(mine)], cwd=ROOT)

    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "MyRNN_tests" in out and "4 / 4" in out
    assert "graded by your instructor" in out
    lines = out.splitlines()
    failed = lines.index(next(ln for ln in lines if "rnn_cell_forward_tests" in ln))
    # The main part (random batches) always fails; the saturated edge case may pass with a seed
    # where the bias barely moves tanh, which earns that part's points.
    assert re.search(r"rnn_cell_forward_tests\s+\S+ / 3\s+(FAIL|PART)", lines[failed])
    diagnosis = "\n".join(lines[failed + 1:failed + 4])
    assert "did you add the bias b?" in diagnosis, "the diagnosis follows the failed exercise"
    assert gradebook_state() == before, "make check must not touch the class gradebook"


def test_check_refuses_a_corrupt_notebook_plainly(tmp_path):
    broken = tmp_path / "01_rnn_basics.ipynb"
    broken.write_text('{"cells": [ this is not json')
    result = run(["check", str(broken)], cwd=ROOT)
    assert result.returncode != 0
    assert "is not a readable notebook" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.fixture(scope="module")
def demo_course(tmp_path_factory):
    """A copy of the course, as a fresh clone would have it, with `demo` run twice."""
    folder = tmp_path_factory.mktemp("demo")
    shutil.copy(ROOT / "nbgrader_config.py", folder)
    for name in ("source", "release", "tests/variants"):  # one chapter keeps the suite fast
        shutil.copytree(ROOT / name / CHAPTER, folder / name / CHAPTER)
    first = run(["demo"], cwd=folder)
    assert first.returncode == 0, first.stdout + first.stderr
    first_csv = (folder / "grades.csv").read_text()
    second = run(["demo"], cwd=folder)
    assert second.returncode == 0, second.stdout + second.stderr
    return folder, first, second, first_csv


def test_demo_grades_three_students_and_prints_a_table(demo_course):
    folder, first, _, _ = demo_course
    out = first.stdout
    for student in ("reference", "blank", "partial"):
        assert any(line.startswith(student) and CHAPTER in line for line in out.splitlines())
    grades = {g.student: g for g in course.read_grades(folder, CHAPTER).values()}
    assert grades["reference"].auto_score == grades["reference"].auto_max > 0
    assert grades["blank"].auto_score == 0
    assert 0 < grades["partial"].auto_score < grades["partial"].auto_max
    assert any(c.score == 0 and c.message and "Error" in c.message
               for c in grades["partial"].lost()), "the partial student has a classic bug"
    for student in ("reference", "blank", "partial"):
        assert (folder / "feedback" / student / CHAPTER / f"{CHAPTER}.html").is_file()
    report = (folder / "grade_report.md").read_text()
    assert "grade_report.md" in out and "NOT GRADED" not in report
    assert "<h2" in (folder / "class_report.html").read_text()  # tests/test_report.py reads it
    for cell in grades["partial"].lost():
        assert f"  - {cell.grade_id}: 0 / {cell.max_score:g}" in report


def test_feedback_shows_messages_but_no_hidden_test_code(demo_course):
    folder = demo_course[0]
    source = course.source_notebook(ROOT, CHAPTER).cells
    hidden_names = {name for cell in source for region in REGION.findall(cell.source)
                    for name in re.findall(r"def (_\w+)", region[1])}
    assert len(hidden_names) >= 5
    grades = course.read_grades(folder, CHAPTER)
    for student in ("reference", "blank", "partial"):
        html = (folder / "feedback" / student / CHAPTER / f"{CHAPTER}.html").read_text()
        assert "HIDDEN TESTS" not in html
        leaked = sorted(name for name in hidden_names if re.search(rf"\b{name}\b", html))
        assert not leaked, f"{student}'s feedback shows hidden-test code: {leaked}"
        for cell in grades[student].lost():
            if cell.message:
                diagnosis = cell.message
                if diagnosis.startswith(notebooks.PARTIAL_CREDIT):  # its first failed part
                    diagnosis = diagnosis.splitlines()[1].split("] ", 1)[-1]
                words = re.split(r"[\"'<>&]", diagnosis.split(": ", 1)[-1])[0][:30]
                assert html_escape(words, quote=False) in html, f"{cell.grade_id}: message missing"


def test_feedback_renders_equations_without_a_network(demo_course):
    """The page loads MathJax from the copy beside it (or, served by Jupyter, from
    jupyter-server-mathjax's), never from a CDN; tests/test_browser.py sees it typeset."""
    folder = demo_course[0]
    copy = folder / "feedback" / "mathjax"
    for part in ("MathJax.js", "config/TeX-AMS-MML_HTMLorMML-full.js", "extensions/Safe.js",
                 "jax/output/HTML-CSS/fonts/STIX-Web/fontdata.js", "localization/en/en.js"):
        assert (copy / part).is_file(), part
    html = (folder / "feedback" / "partial" / CHAPTER / f"{CHAPTER}.html").read_text()
    assert '"../../mathjax/MathJax.js"' in html and "/static/components/MathJax/" in html
    remote = re.findall(r'(?:src|href)="(?:https?:)?//[^"]+', html)
    assert not remote and "cdnjs" not in html, remote
    assert "$" in html  # the chapter's equations, left for MathJax to typeset


def test_demo_twice_gives_the_same_result_without_duplicates(demo_course):
    folder, first, second, first_csv = demo_course
    assert (folder / "grades.csv").read_text() == first_csv
    table = [ln for ln in first.stdout.splitlines() if ln.startswith(("reference", "blank"))]
    again = [ln for ln in second.stdout.splitlines() if ln.startswith(("reference", "blank"))]
    assert table == again
    rows = list(csv.DictReader(first_csv.splitlines()))
    assert sorted((r["assignment"], r["student_id"]) for r in rows) == [
        (CHAPTER, "blank"), (CHAPTER, "partial"), (CHAPTER, "reference")]
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{folder / 'gradebook.db'}") as gb:
        assert len(gb.students) == 3
        assert gb.find_student("partial").first_name == "Paula"  # the demo roster
        for student in ("reference", "blank", "partial"):
            submission = gb.find_submission(CHAPTER, student)
            names = [g.name for nb in submission.notebooks for g in nb.grades]
            assert len(names) == len(set(names)), "duplicated grade rows"


def test_grades_given_by_hand_reach_the_table_and_grades_csv(demo_course):
    """As formgrader stores a manual grade (runs last: it changes the demo's gradebook). The
    reference student wrote every answer, so all wait for a grade by hand (nbgrader itself
    gives an unchanged answer 0)."""
    folder = demo_course[0]
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{folder / 'gradebook.db'}") as gb:
        submission = gb.find_submission(CHAPTER, "reference")
        written = [g for nb in submission.notebooks for g in nb.grades
                   if g.cell.cell_type == "markdown"]
        assert len(written) >= 2
        assert all(g.auto_score is None and g.manual_score is None for g in written)
        written[0].manual_score = written[0].max_score
        gb.db.commit()
        given, manual_max = written[0].max_score, sum(g.max_score for g in written)
        pending = len(written) - 1
    grade = course.read_grades(folder, CHAPTER)["reference"]
    table = run(["table"], cwd=folder)
    row = next(line for line in table.stdout.splitlines() if line.startswith("reference"))
    assert f"{given:g}/{manual_max:g}" in row.split(), row
    assert f"{pending} written answer(s) still to grade by hand" in row
    assert float(row.split()[2]) == grade.auto_score + given
    assert run(["export"], cwd=folder).returncode == 0
    rows = {r["student_id"]: r for r in csv.DictReader(
        (folder / "grades.csv").read_text().splitlines())}
    assert float(rows["reference"]["manual_score"]) == given
    assert float(rows["reference"]["score"]) == grade.auto_score + given
    assert int(rows["reference"]["pending_by_hand"]) == pending
    assert int(rows["blank"]["pending_by_hand"]) == 0  # unchanged answers: 0 from nbgrader
