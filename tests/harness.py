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
import symtable
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
    """Every notebook the suite grades for a chapter, by student id: the source and the blank
    release whole; the rounds without the experiments their tests do not need."""
    release = course.release_notebook(ROOT, chapter)
    answers = solutions(chapter)
    subs = {
        SOURCE_STUDENT: course.source_notebook(ROOT, chapter),
        BLANK_STUDENT: release,
    }
    for index, group in enumerate(rounds(chapter)):
        replaced = {cell: v.path.read_text() for cell, v in group.items()}
        subs[round_student(index)] = without_experiments(
            chapter, notebooks.with_answers(release, {**answers, **replaced}))
    return subs


def _names(source: str) -> tuple[set[str], set[str]] | None:
    """(global names a cell binds, global names it reads and does not bind itself), its
    functions' and comprehensions' globals included; None when it is not plain Python."""
    try:
        top = symtable.symtable(source, "<cell>", "exec")
    except SyntaxError:
        return None
    bound, read = set(), set()

    def visit(table):
        for symbol in table.get_symbols():
            name = symbol.get_name()
            if table.get_type() == "module":
                if symbol.is_assigned() or symbol.is_imported() or symbol.is_namespace():
                    bound.add(name)
                elif symbol.is_referenced():
                    read.add(name)
            elif symbol.is_global() and symbol.is_referenced():
                read.add(name)
            elif symbol.is_declared_global() and symbol.is_assigned():
                bound.add(name)
        for child in table.get_children():
            visit(child)

    visit(top)
    return bound, read - bound


def without_experiments(chapter: str, nb: notebooks.NotebookNode) -> notebooks.NotebookNode:
    """The notebook without the plain code cells (experiments, figures) that no graded cell
    needs: a cell stays when it binds a name that a cell kept reads, hidden tests and the
    round's answers included. Students may delete such cells; the graded cells and their
    hidden tests run exactly as in the whole notebook, in a fraction of the time."""
    source = course.source_notebook(ROOT, chapter)
    if len(source.cells) != len(nb.cells):
        return nb
    texts, keep, candidates = {}, set(), set()
    for index, (original, cell) in enumerate(zip(source.cells, nb.cells, strict=True)):
        if cell.cell_type != "code":
            keep.add(index)
            continue
        found = [_names(original.source), _names(cell.source)]
        if None in found or notebooks.nbgrader_meta(original) or not texts:
            keep.add(index)
        else:
            candidates.add(index)
        texts[index] = found
    read = set().union(*(names[1] for i in keep if i in texts for names in texts[i] if names))
    changed = True
    while changed:
        changed = False
        for index in sorted(candidates - keep):
            if texts[index][0][0] & read:
                keep.add(index)
                read |= texts[index][0][1] | texts[index][1][1]
                changed = True
    trimmed = notebooks.nbformat.from_dict(nb)
    trimmed.cells = [cell for index, cell in enumerate(trimmed.cells) if index in keep]
    return trimmed


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
