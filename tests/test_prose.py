"""What a chapter's text may say: only documents the student has, and no measured number that
its own code does not print.

The convention for results: a markdown cell that reads an experiment's outcome carries the cell
tag ``results`` and follows the code cell that runs (or summarises) the experiment. Its numbers
are that experiment's settings, each a literal of the code cell above it; whatever the
experiment measures is printed by that code, never written into the prose (a learner's run,
another machine or a new library version would make it false). `make bench-student` checks, on
a real run, that the cell above every results cell printed or drew something.
"""

import re

import pytest

import harness
from rnngraded import course

CHAPTERS = harness.CHAPTERS

# A student has this course's notebooks and nothing else: no textbook, exercise sheet, tutorial,
# lecture, slides or paper, and none of their numbering (exercise 9.13, equations (4)-(9)).
ELSEWHERE = {
    r"\btext ?books?\b": "a textbook",
    r"\b(exercise )?sheet'?s?\b": "an exercise sheet",
    r"\btutorials?\b": "a tutorial",
    r"\blectures?\b": "a lecture",
    r"\bslides?\b": "slides",
    r"\bthe (book|paper|notes)\b": "a book, paper or notes",
    r"(?<![\d.$\\])\b9\.\d+\b": "another text's exercise numbering (9.x)",
    r"\bequations? \(\d+\)": "numbered equations of another text",
    r"\bshould match\b": "numbers a run may not reproduce",
}
NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?:e-?\d+)?")
MATH_OR_CODE = re.compile(r"\$\$.*?\$\$|\$[^$]*\$|`[^`]*`", re.S)


def markdown_cells(chapter: str):
    nb = course.source_notebook(harness.ROOT, chapter)
    return list(enumerate(nb.cells))


def is_results(cell) -> bool:
    return cell.cell_type == "markdown" and "results" in cell.get("metadata", {}).get("tags", [])


def numbers(text: str) -> set[str]:
    return {n.replace(",", "") for n in NUMBER.findall(text)}


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_no_chapter_refers_to_a_document_the_student_does_not_have(chapter):
    found = []
    for index, cell in markdown_cells(chapter):
        if cell.cell_type != "markdown":
            continue
        for pattern, what in ELSEWHERE.items():
            for match in re.finditer(pattern, cell.source, re.I):
                start = max(0, match.start() - 40)
                found.append(f"cell {index}, {what}: ...{cell.source[start:match.end() + 20]}...")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_results_prose_states_only_the_experiments_settings(chapter):
    """Every number in a results cell is a literal of the code cell above it (a setting)."""
    cells = markdown_cells(chapter)
    results = [(i, c) for i, c in cells if is_results(c)]
    assert results, f"{chapter} has no markdown cell tagged 'results'"
    for index, cell in results:
        above = next((c for _, c in reversed(cells[:index]) if c.cell_type == "code"), None)
        assert above is not None, f"results cell {index} follows no code cell"
        settings = numbers(above.source)
        prose = MATH_OR_CODE.sub(" ", cell.source)
        stated = numbers(prose) - settings
        assert not stated, (
            f"{chapter}, results cell {index} states {sorted(stated)}, which the code cell above "
            f"does not set: print measured numbers from the code instead")
