"""The generic chapter harness: what a chapter must pass, found from the files alone.

A chapter plugs in with its notebook in ``source/<chapter>/`` and its variants in
``tests/variants/<chapter>/<solution grade_id>/``: ``bug_*.py`` (a student's mistake, which
must lose points; a first line ``# expect: TEXT`` names words the failure message must
contain) and ``ok_*.py`` (a correct answer written another way, which must get full marks).
Each variant file is the whole replacement source of that solution cell.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

from rnngraded import course, notebooks

ROOT = Path(__file__).resolve().parents[1]
VARIANTS = ROOT / "tests" / "variants"
CHAPTERS = course.assignments(ROOT)

SOURCE_STUDENT = "source"
BLANK_STUDENT = "blank"


@dataclass(frozen=True)
class Variant:
    chapter: str
    cell: str  # grade_id of the solution cell it replaces
    name: str  # file stem, bug_* or ok_*
    path: Path

    @property
    def is_bug(self) -> bool:
        return self.name.startswith("bug_")

    @property
    def test_cell(self) -> str:
        return f"{self.cell}_tests"

    @property
    def expect(self) -> str | None:
        match = re.match(r"#\s*expect:\s*(.+)", self.path.read_text())
        return match.group(1).strip() if match else None

    def __str__(self) -> str:
        return f"{self.chapter}/{self.cell}/{self.name}"


def variants(chapter: str | None = None) -> list[Variant]:
    found = []
    for path in sorted(VARIANTS.glob("*/*/*.py")):
        ch, cell = path.parent.parent.name, path.parent.name
        if chapter in (None, ch) and path.stem.startswith(("bug_", "ok_")):
            found.append(Variant(ch, cell, path.stem, path))
    return found


def solutions(chapter: str) -> dict[str, str]:
    source = course.source_notebook(ROOT, chapter)
    return {notebooks.grade_id(c): c.source for c in source.cells
            if notebooks.nbgrader_meta(c).get("solution", False)}


def defined_names(source: str) -> set[str]:
    """Top-level names a cell defines (functions, classes, assigned variables)."""
    names = set()
    for node in ast.parse(source).body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(t.id for t in targets if isinstance(t, ast.Name))
    return names


def coupled_cells(chapter: str) -> set[frozenset[str]]:
    """Pairs of solution cells where one's code (reference or variant) uses a name the other
    defines: a bug in one could then cost the other's tests points."""
    coded = notebooks.autograded_answer_ids(course.source_notebook(ROOT, chapter))
    answers = {cell: text for cell, text in solutions(chapter).items() if cell in coded}
    texts = {cell: [answers[cell]] for cell in answers}
    for v in variants(chapter):
        texts.setdefault(v.cell, []).append(v.path.read_text())
    defines = {cell: defined_names(answers[cell]) for cell in answers}
    pairs = set()
    for a, sources in texts.items():
        for b, names in defines.items():
            if a != b and any(re.search(rf"\b{re.escape(n)}\b", s) for n in names for s in sources):
                pairs.add(frozenset((a, b)))
    return pairs


def rounds(chapter: str) -> list[dict[str, Variant]]:
    """Pack the variants into as few notebooks as possible: each round replaces at most one
    variant per solution cell, and never two coupled cells, so each cell's own test cell
    grades its variant exactly as a notebook holding that variant alone would."""
    coupled = coupled_cells(chapter)
    packed: list[dict[str, Variant]] = []
    for v in variants(chapter):
        for group in packed:
            if v.cell not in group and all(frozenset((v.cell, c)) not in coupled for c in group):
                group[v.cell] = v
                break
        else:
            packed.append({v.cell: v})
    return packed


def round_student(index: int) -> str:
    return f"round{index:02d}"


def round_of(variant: Variant) -> str:
    for index, group in enumerate(rounds(variant.chapter)):
        if group.get(variant.cell) == variant:
            return round_student(index)
    raise KeyError(variant)


def round_variants(chapter: str, student: str) -> list[str]:
    """The variants a round's notebook holds (none for the source and blank notebooks)."""
    for index, group in enumerate(rounds(chapter)):
        if round_student(index) == student:
            return sorted(v.path.stem for v in group.values())
    return []


def submissions(chapter: str) -> dict[str, notebooks.NotebookNode]:
    """Every notebook the suite grades for a chapter, by student id."""
    release = course.release_notebook(ROOT, chapter)
    answers = solutions(chapter)
    subs = {
        SOURCE_STUDENT: course.source_notebook(ROOT, chapter),
        BLANK_STUDENT: release,
    }
    for index, group in enumerate(rounds(chapter)):
        replaced = {cell: v.path.read_text() for cell, v in group.items()}
        subs[round_student(index)] = notebooks.with_answers(release, {**answers, **replaced})
    return subs


def grade_chapter(chapter: str, folder: Path) -> dict[str, course.SubmissionGrade]:
    """Autograde all of a chapter's submissions through real nbgrader, in scratch courses
    kept under ``folder`` (``folder/course0/release`` holds a fresh generation), with kernels
    forked warm as ``make grade`` starts them (the cold start is graded by test_sandbox)."""
    return course.grade_scratch(ROOT, chapter, submissions(chapter), keep=folder, warm=True)


# --- hidden text ----------------------------------------------------------------------------

REGION = re.compile(r"### BEGIN (SOLUTION|HIDDEN TESTS)\n(.*?)### END \1", re.S)


def hidden_lines(source: notebooks.NotebookNode) -> set[str]:
    """Lines that appear only inside solution or hidden-test regions of the source."""
    inside, outside = set(), set()
    for cell in source.cells:
        text = cell.source
        for match in REGION.finditer(text):
            inside.update(line.strip() for line in match.group(2).splitlines())
        outside.update(line.strip() for line in REGION.sub("", text).splitlines())
    # A hidden line that is part of a visible one (a check the visible test repeats with its own
    # hint) reveals nothing.
    return {line for line in inside - outside
            if len(line) >= 12 and not any(line in seen for seen in outside)}
