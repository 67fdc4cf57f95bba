"""The synthetic class of ``make bench-class``: its mix, its determinism, its notebooks."""

import json
from collections import Counter
from functools import cache

import nbformat
import pytest

from harness import ROOT, VARIANTS, hidden_lines, solutions
from rnngraded import bench, course, notebooks

CHAPTERS = course.assignments(ROOT)


@cache
def release_cells(chapter):
    return notebooks.cells_by_id(course.release_notebook(ROOT, chapter))


@cache
def coded_cells(chapter):
    return notebooks.autograded_answer_ids(course.source_notebook(ROOT, chapter))


@cache
def solution_cells(chapter):
    return solutions(chapter)


@pytest.fixture(scope="module")
def whole_class():
    return bench.synthetic_class(ROOT, CHAPTERS, 40)


def kinds_per_chapter(submissions, students=None):
    return {chapter: Counter(s.kind for s in submissions if s.chapter == chapter
                             and (students is None or s.student in students))
            for chapter in CHAPTERS}


def test_every_chapter_mixes_40_percent_correct_40_partly_wrong_20_blank(whole_class):
    assert len(whole_class) == 40 * len(CHAPTERS)
    assert {s.student for s in whole_class} == {f"s{n:03d}" for n in range(1, 41)}
    expected = {bench.CORRECT: 16, bench.PARTLY_WRONG: 16, bench.BLANK: 8}
    assert all(mix == expected for mix in kinds_per_chapter(whole_class).values())
    first_ten = set(bench.student_ids(10))  # the default 1-worker class has the same mix
    smaller = {bench.CORRECT: 4, bench.PARTLY_WRONG: 4, bench.BLANK: 2}
    assert all(mix == smaller for mix in kinds_per_chapter(whole_class, first_ten).values())


def as_text(nb):
    return json.dumps(nb, sort_keys=True)


def test_the_class_is_the_same_for_the_same_seed_and_differs_for_another(whole_class):
    def texts(submissions):
        return [(s.student, s.chapter, s.kind, as_text(s.notebook)) for s in submissions]

    again = bench.synthetic_class(ROOT, CHAPTERS, 40)
    assert texts(again) == texts(whole_class)
    other = bench.synthetic_class(ROOT, CHAPTERS, 10, seed=1)
    assert texts(other) != texts(whole_class[:len(other)])


def test_every_notebook_is_valid_with_the_release_cells(whole_class):
    for sub in whole_class:
        nbformat.validate(sub.notebook)
        assert list(notebooks.cells_by_id(sub.notebook)) == list(release_cells(sub.chapter))
        assert all(not c.get("outputs") for c in sub.notebook.cells if c.cell_type == "code")


def test_blank_submissions_are_the_release_without_any_solution_text(whole_class):
    for chapter in CHAPTERS:
        release = course.release_notebook(ROOT, chapter)
        hidden = hidden_lines(course.source_notebook(ROOT, chapter))
        for sub in (s for s in whole_class if s.chapter == chapter and s.kind == bench.BLANK):
            assert as_text(sub.notebook) == as_text(release)
            lines = {line.strip() for c in sub.notebook.cells for line in c.source.splitlines()}
            assert not hidden & lines


def answer_of(sub, cell):
    return notebooks.cells_by_id(sub.notebook)[cell].source


def variant_text(sub, cell, name):
    return (VARIANTS / sub.chapter / cell / f"{name}.py").read_text()


def test_correct_exercises_hold_the_solution_or_a_correct_alternative(whole_class):
    alternatives = 0
    for sub in (s for s in whole_class if s.kind != bench.BLANK):
        answers = solution_cells(sub.chapter)
        chosen = dict(a.split("/") for a in sub.alternatives)
        alternatives += len(chosen)
        wrong = {b.split("/")[0] for b in sub.bugs} | set(sub.starters)
        for cell in set(coded_cells(sub.chapter)) - wrong:
            expected = variant_text(sub, cell, chosen[cell]) if cell in chosen else answers[cell]
            assert answer_of(sub, cell) == expected, f"{sub.student}/{sub.chapter}/{cell}"
    assert alternatives > 0


def test_partly_wrong_submissions_have_right_and_wrong_exercises(whole_class):
    bugs = starters = 0
    for sub in (s for s in whole_class if s.kind == bench.PARTLY_WRONG):
        coded = coded_cells(sub.chapter)
        wrong = [b.split("/")[0] for b in sub.bugs] + sub.starters
        assert 1 <= len(wrong) <= max(1, len(coded) - 1) and len(set(wrong)) == len(wrong)
        for bug in sub.bugs:
            cell, name = bug.split("/")
            assert name.startswith("bug_") and answer_of(sub, cell) == variant_text(sub, cell,
                                                                                      name)
        for cell in sub.starters:
            assert answer_of(sub, cell) == release_cells(sub.chapter)[cell].source
        bugs, starters = bugs + len(sub.bugs), starters + len(sub.starters)
    assert bugs > 0 and starters > 0
