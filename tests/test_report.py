"""The class report (rnngraded.report): one self-contained HTML page for the instructor.

* Unit: diagnoses split, named and counted from hand-made grades; everything from a
  submission is escaped; an empty course gets a page that says so.
* Slow: a class of one chapter (two copies of each demo student) graded through
  ``python -m rnngraded grade``; the page shows its figures, diagnoses and points.
"""

from __future__ import annotations

import base64
import html
import io
import os
import re
import shutil
import subprocess
import sys

import pytest
from PIL import Image

import harness
from harness import ROOT
from rnngraded import cli, course, notebooks, report
from rnngraded.course import CellGrade, SubmissionGrade

CHAPTER = "01_rnn_basics"
DEMO = ("reference", "blank", "partial")
COPIES = 2  # of each demo student: a diagnosis shared by several students, numbers and all

PARTS = ("PartialCredit: 1 of 3 points.\n"
         "[random batches] h differs (relative error {err}; at index (0, 2) got {got}, "
         "expected 0.5)\n"
         "[float32 inputs] h is float64, expected float32\n"
         "(passed: large inputs)")


# --- reading the page -----------------------------------------------------------------------


def embedded_pngs(page: str) -> list[Image.Image]:
    images = []
    for data in re.findall(r'<img src="data:image/png;base64,([^"]*)"', page):
        raw = base64.b64decode(data, validate=True)
        assert raw.startswith(b"\x89PNG\r\n\x1a\n")
        image = Image.open(io.BytesIO(raw))
        image.load()
        images.append(image)
    return images


def table_rows(page: str, table_id: str) -> list[list[str]]:
    """The rows of the table with this id, each cell as plain text (header row first)."""
    found = re.search(rf'<table id="{re.escape(table_id)}">(.*?)</table>', page, re.S)
    assert found, f"no table {table_id}"
    return [[" ".join(html.unescape(re.sub(r"<[^>]+>", " ", cell)).split())
             for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", found.group(1), re.S)]


def diagnosis_rows(page: str, chapter: str) -> dict[str, list[tuple[str, str, str]]]:
    """Per exercise: (diagnosis, submissions, share) rows of the chapter's diagnoses table
    (the exercise's name spans its rows)."""
    found: dict[str, list[tuple[str, str, str]]] = {}
    exercise = None
    for row in table_rows(page, f"diagnoses-{chapter}")[1:]:
        if len(row) == 4:
            exercise, row = row[0], row[1:]
        found.setdefault(exercise, []).append(tuple(row))
    return found


def assert_loads_nothing(page: str) -> None:
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:|//)""", page, re.I)
    assert not re.search(r"<(script|link|iframe|object|embed)\b", page, re.I)
    assert "url(" not in page and "@import" not in page


# --- unit: hand-made grades -----------------------------------------------------------------


def submission(student: str, cells: list[tuple], faults: list[str] | None = None):
    return SubmissionGrade(student, CHAPTER, [CellGrade(*cell) for cell in cells], faults or [])


def hand_made_class() -> list[SubmissionGrade]:
    return [
        submission("ann", [("a_tests", 3, 3, True), ("b_tests", 1, 3, True,
                                                     PARTS.format(err="0.25", got="0.81")),
                           ("written", None, 2, False)]),
        submission("bob", [("a_tests", 0, 3, True, "NotImplementedError: "),
                           ("b_tests", 1, 3, True, PARTS.format(err="0.75", got="-0.3")),
                           ("written", 1.5, 2, False)]),
        submission("<b>eve</b>", [("a_tests", 0, 3, True,
                                   "TypeError: <script>alert('x')</script> & more"),
                                  ("b_tests", 0, 3, True,
                                   "AssertionError: [random batches] h is None\n"
                                   "[float32 inputs] h is float64, expected float32")],
                   ["a_tests: the kernel died <img src=x onerror=alert(1)>"]),
    ]


def test_a_message_gives_one_diagnosis_per_failed_part_and_names_unstarted_exercises():
    assert report.diagnoses(PARTS.format(err="1", got="2")) == [
        "[random batches] h differs (relative error 1; at index (0, 2) got 2, expected 0.5)",
        "[float32 inputs] h is float64, expected float32"]
    every_part_failed = "AssertionError: [one] first\n[two] second\nstill the second"
    assert report.diagnoses(every_part_failed) == ["[one] first", "[two] second\nstill the second"]
    assert report.diagnoses("NotImplementedError: write it") == [report.NOT_STARTED]
    assert report.diagnoses("TypeError: bad  ") == ["TypeError: bad"]
    assert report.diagnoses(None) == [report.NO_MESSAGE]


def test_diagnoses_that_differ_only_in_numbers_count_together_once_per_submission():
    found = report.frequent_diagnoses(hand_made_class())
    b_tests = [(d.text, d.submissions, round(d.share, 2)) for d in found[(CHAPTER, "b_tests")]]
    assert b_tests == [
        ("[float32 inputs] h is float64, expected float32", 3, 1.0),
        # the numbers both students shared stay, those that differed become "…"
        ("[random batches] h differs (relative error …; at index (0, 2) got …, expected 0.5)",
         2, 0.67),
        ("[random batches] h is None", 1, 0.33)]
    a_tests = {d.text: d.submissions for d in found[(CHAPTER, "a_tests")]}
    assert a_tests == {report.NOT_STARTED: 1,
                       "TypeError: <script>alert('x')</script> & more": 1}
    twice = submission("dan", [("b_tests", 0, 3, True, "AssertionError: [p] got 1\n[p] got 2")])
    assert report.frequent_diagnoses([twice])[(CHAPTER, "b_tests")][0].submissions == 1


def test_the_page_escapes_every_text_from_a_submission():
    page = report.build_from_grades(hand_made_class(), [CHAPTER])
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; more" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;b&gt;eve&lt;/b&gt;" in page
    assert "<script" not in page and "<b>eve" not in page and "<img src=x" not in page
    assert_loads_nothing(page)


def test_the_page_of_hand_made_grades_has_every_section_and_figures_that_decode():
    grades = hand_made_class()
    page = report.build_from_grades(grades, [CHAPTER, "02_bptt"])
    for heading in ("Summary", "Scores per chapter", "Exercise difficulty", "Hardest exercises",
                    "Most frequent diagnoses", "Submissions with faults", "Points per student"):
        assert f">{heading}</h" in page
    assert ("3 students, 3 submissions in 1 of 2 chapters, 1 with faults, 1 written answer "
            "still to grade by hand.") in page
    assert len(embedded_pngs(page)) == 2  # the distribution and the one chapter's exercises
    rows = table_rows(page, "per-student")
    assert rows[0] == ["student", CHAPTER, "total"]
    assert rows[1:] == [
        ["<b>eve</b>", "0 / 6 (0%) 1 fault", "0 / 6 (0%)"],
        ["ann", "4 / 6 (67%) 1 written answer to grade by hand", "4 / 6 (67%)"],
        ["bob", "1 / 6 (17%) written answers: 1.5 / 2", "1 / 6 (17%)"]]
    assert [row[:2] for row in table_rows(page, "faults")[1:]] == [["<b>eve</b>", CHAPTER]]
    assert [row[1] for row in table_rows(page, "hardest")[1:]] == ["b_tests", "a_tests"]


def test_no_submission_gives_a_page_that_says_so():
    page = report.build_from_grades([], [CHAPTER, "02_bptt"])
    assert "No submission has been graded yet" in page
    assert "0 students, 0 submissions in 0 of 2 chapters, 0 with faults" in page
    assert not embedded_pngs(page) and "<table" not in page
    assert_loads_nothing(page)


@pytest.mark.slow  # nbgrader creates a new gradebook (13 s on a busy 2-core machine)
def test_an_empty_course_gets_a_page_that_says_so(tmp_path):
    shutil.copy(ROOT / course.CONFIG_FILE, tmp_path / course.CONFIG_FILE)
    shutil.copytree(ROOT / "source" / CHAPTER, tmp_path / "source" / CHAPTER)
    # The command as a user runs it, PATH without the environment's bin/: nbgrader still finds
    # alembic to create the gradebook.
    env = {k: v for k, v in os.environ.items() if k != "PATH"} | {"PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-m", "rnngraded", "report"], cwd=tmp_path,
                            env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "class_report.html written" in result.stdout
    page = (tmp_path / "class_report.html").read_text(encoding="utf-8")
    assert "No submission has been graded yet" in page
    assert "0 students, 0 submissions in 0 of 1 chapter, 0 with faults" in page
    assert not embedded_pngs(page)


# --- slow: a class graded through the real grader -------------------------------------------


@pytest.fixture(scope="module")
def graded_class(tmp_path_factory):
    """One chapter, two copies of each demo student, graded by ``python -m rnngraded grade``;
    the report written beside the gradebook."""
    folder = course.make_scratch_course(ROOT, tmp_path_factory.mktemp("report"), [CHAPTER])
    name = course.notebook_name(folder, CHAPTER)
    demo = cli.build_demo_submissions(ROOT, CHAPTER)  # ROOT: the partial student's bug
    for student in DEMO:
        for copy in range(COPIES):
            # The chapter's experiments would only slow the grading down.
            trimmed = harness.without_experiments(CHAPTER, demo[student])
            notebooks.write(notebooks.strip_outputs(trimmed),
                            folder / "submitted" / f"{student}{copy}" / CHAPTER / f"{name}.ipynb")
    result = subprocess.run([sys.executable, "-m", "rnngraded", "grade"], cwd=folder,
                            env=course.tool_env(), capture_output=True, text=True, timeout=1200)
    assert result.returncode == 0, result.stdout + result.stderr
    page = report.write(folder).read_text(encoding="utf-8")
    return folder, page, course.read_grades(folder, CHAPTER)


@pytest.mark.slow
def test_the_class_page_embeds_its_figures_and_loads_nothing(graded_class):
    _, page, grades = graded_class
    assert len(grades) == len(DEMO) * COPIES
    images = embedded_pngs(page)
    assert len(images) == 2, "the score distribution and the chapter's exercises"
    assert all(image.width > 300 and image.height > 150 for image in images)
    assert_loads_nothing(page)
    assert "http://" not in page and "https://" not in page
    pending = sum(g.manual_pending for g in grades.values())
    assert (f"6 students, 6 submissions in 1 of 1 chapter, 0 with faults, {pending} written "
            f"answers still to grade by hand.") in page


@pytest.mark.slow
def test_the_class_page_counts_the_blank_and_partial_students_diagnoses(graded_class):
    _, page, grades = graded_class
    rows = diagnosis_rows(page, CHAPTER)
    unstarted: dict[str, int] = {}
    for grade in grades.values():
        for cell in grade.lost():
            if (cell.message or "").startswith("NotImplementedError"):
                unstarted[cell.grade_id] = unstarted.get(cell.grade_id, 0) + 1
    assert unstarted, "the blank students raise NotImplementedError"
    for exercise, count in unstarted.items():
        share = f"{100 * count / len(grades):.0f}%"
        assert (report.NOT_STARTED, str(count), share) in rows[exercise], exercise
    # Untouched by the partial students either: both blank and both partial copies.
    assert any((report.NOT_STARTED, "4", "67%") in listed for listed in rows.values())
    # The partial students' classic bug (tests/variants, its "# expect:" words), in both copies.
    source = course.source_notebook(ROOT, CHAPTER)
    coded = notebooks.autograded_answer_ids(source)
    buggy = coded[len(coded) // 2]
    bug = sorted((ROOT / "tests/variants" / CHAPTER / buggy).glob("bug_*.py"))[0]
    expect = re.match(r"#\s*expect:\s*(.+)", bug.read_text()).group(1).strip().lower()
    found = [row for row in rows[f"{buggy}_tests"] if expect in row[0].lower()]
    assert found and found[0][1:] == ("2", "33%"), rows[f"{buggy}_tests"]


@pytest.mark.slow
def test_the_class_page_gives_every_student_the_gradebooks_points(graded_class):
    folder, page, grades = graded_class
    rows = {row[0]: row[1:] for row in table_rows(page, "per-student")[1:]}
    assert sorted(rows) == sorted(grades)
    for student, grade in grades.items():
        points, maximum, pct = re.match(r"(\S+) / (\S+) \((\d+)%\)", rows[student][0]).groups()
        assert float(points) == pytest.approx(grade.auto_score, abs=0.006)
        assert float(maximum) == pytest.approx(grade.auto_max)
        assert int(pct) == round(100 * grade.auto_score / grade.auto_max)
        if grade.manual_pending:
            assert f"{grade.manual_pending} written answer" in rows[student][0]
    assert grades["reference0"].auto_score == grades["reference0"].auto_max
    assert rows["blank0"][0].startswith(f"0 / {grades['blank0'].auto_max:g} (0%)")
    assert (folder / "class_report.html").is_file()
