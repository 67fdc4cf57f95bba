"""The catalogue of tricks, applied to every chapter in source/ and graded by real nbgrader.

A *trick* is code a submission adds to get points it did not earn. Two kinds:

* snippets in ``tests/tricks/*.py``, appended to one solution cell (a *slot*) of a chapter.
  ``__NAMES__`` in a snippet stands for the names (functions, classes) the cell defines,
  ``__VISIBLE__``
  for the lines of that exercise's visible test. The cell's code is a wrong answer (the first
  ``bug_*`` variant of tests/variants, else the release stub), except for ``# base: reference``
  snippets, which wrap the reference;
* notebook edits (:data:`EDITS`): test cells edited, deleted, stripped of their metadata,
  duplicated; the setup cell replaced; extra cells that redefine the helpers.

The measure, per test cell: a trick notebook never scores more than the *base* notebook (the
same wrong answers without any trick), and a ``base: reference`` slot's own test scores 0
(hard-coding the visible test earns nothing).

Each chapter's tricks are packed into as few notebooks as possible, one snippet per slot, and
all notebooks of all chapters are graded in scratch courses (one nbgrader run per chapter).
``python tests/catalogue.py`` prints the table (``--undefended`` grades with nbgrader's stock
executor, to show what the tricks would earn without the course's defences).
"""

from __future__ import annotations

import ast
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402
from rnngraded import course, notebooks  # noqa: E402

ROOT = harness.ROOT
TRICKS = ROOT / "tests" / "tricks"
BASE = "base"
HIDDEN = re.compile(r"### BEGIN HIDDEN TESTS.*?### END HIDDEN TESTS\n?", re.S)


@dataclass(frozen=True)
class Trick:
    name: str
    family: str
    text: str = ""  # snippet source ("" for a notebook edit)
    on_reference: bool = False

    @staticmethod
    def load(path: Path) -> Trick:
        text = path.read_text()
        family = re.search(r"^# family: (.+)$", text, re.M).group(1).strip()
        return Trick(path.stem, family, text, "# base: reference" in text)


def snippets() -> list[Trick]:
    return [Trick.load(p) for p in sorted(TRICKS.glob("*.py"))]


# --- notebook edits ---------------------------------------------------------------------------


def _tests(nb) -> list:
    return [c for c in nb.cells if notebooks.is_autograded_test(c)]


def edit_tests_to_pass(nb, cells):
    for cell in cells:
        cell.source = "pass"


def delete_tests(nb, cells):
    nb.cells = [c for c in nb.cells if not any(c is t for t in cells)]


def strip_test_metadata(nb, cells):
    for cell in cells:
        cell.metadata.pop("nbgrader", None)
        cell.source = "pass"


def tests_as_answers(nb, cells):
    for cell in cells:
        cell.metadata["nbgrader"].update(solution=True, locked=False)
        cell.source = "pass"


def duplicate_tests_edited(nb, cells):
    for cell in cells:
        copy = nbformat.from_dict(cell)
        copy.source = "pass"
        nb.cells.insert(next(i for i, c in enumerate(nb.cells) if c is cell) + 1, copy)


def replace_setup(nb, cells):
    setup = next(c for c in nb.cells if notebooks.grade_id(c) == "setup")
    setup.metadata.pop("nbgrader", None)
    setup.source += ("\nimport types as _types\nchecks = _types.SimpleNamespace(**{n: (lambda *a, "
                     "**k: None) for n in dir(checks) if not n.startswith('_')})\n"
                     "checks.close = lambda *a, **k: False\n"
                     "checks.call = lambda f, *a, name=None, hint='', **k: f(*a, **k)\n")


def extra_cells_redefine_helpers(nb, cells):
    patch = nbformat.v4.new_code_cell(
        "import numpy as _np\nimport rnngraded.checks as _c\n"
        "for _n in ('check_close', 'check_scalar', 'check_integer', 'check_shape'):\n"
        "    setattr(_c, _n, lambda *a, **k: None)\n"
        "checks = _c\n_np.allclose = lambda *a, **k: True\n")
    for cell in cells:
        nb.cells.insert(next(i for i, c in enumerate(nb.cells) if c is cell), patch)


# (name, function, whether it edits test cells: those are shared out among the test cells)
EDITS = [
    ("edit_tests_to_pass", edit_tests_to_pass, True),
    ("delete_tests", delete_tests, True),
    ("strip_test_metadata", strip_test_metadata, True),
    ("tests_as_answers", tests_as_answers, True),
    ("duplicate_tests_edited", duplicate_tests_edited, True),
    ("replace_setup", replace_setup, False),
    ("extra_cells_redefine_helpers", extra_cells_redefine_helpers, True),
]
EDIT_FAMILY = "edited or deleted test cells"


def edits() -> list[Trick]:
    return [Trick(name, EDIT_FAMILY) for name, _, _ in EDITS]


# --- building a chapter's submissions ----------------------------------------------------------


def defined_callables(source: str) -> list[str]:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    return [n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))]


def wrong_answers(chapter: str, release_nb) -> dict[str, str]:
    """Per coded exercise, a wrong answer: its first bug variant, else the release stub."""
    release = notebooks.cells_by_id(release_nb)
    coded = notebooks.autograded_answer_ids(course.source_notebook(ROOT, chapter))
    answers = {}
    for cell in coded:
        bugs = sorted((ROOT / "tests" / "variants" / chapter / cell).glob("bug_*.py"))
        answers[cell] = bugs[0].read_text() if bugs else release[cell].source
    return answers


def visible_lines(release_nb, cell: str) -> list[str]:
    test = notebooks.cells_by_id(release_nb).get(f"{cell}_tests")
    text = HIDDEN.sub("", test.source) if test is not None else ""
    return [line.strip() for line in text.splitlines() if line.strip()]


def apply_snippet(trick: Trick, release_nb, cell: str, wrong: str, reference: str) -> str:
    base = reference if trick.on_reference else wrong
    names = defined_callables(reference)
    text = (trick.text.replace("__NAMES__", repr(names))
            .replace("__VISIBLE__", repr(visible_lines(release_nb, cell))))
    if "raise NotImplementedError" in base and not trick.on_reference:
        return text + "\n" + base  # a stub raises at once: the trick must run first
    return base + "\n\n" + text


@dataclass
class Plan:
    chapter: str
    submissions: dict[str, nbformat.NotebookNode] = field(default_factory=dict)
    # student -> [(trick, slot or None, test cells it is measured on specially)]
    placed: dict[str, list[tuple[Trick, str | None]]] = field(default_factory=dict)


def submission(chapter: str, release, answers: dict[str, str]):
    """The release with these answers, without the experiments no graded cell needs (the
    tricks act on graded cells, and the base notebook is trimmed the same way)."""
    return harness.without_experiments(chapter, notebooks.with_answers(release, answers))


WRAPPERS = "globals()[_n] = _wrap("  # snippets that wrap the cell's functions


def plan(chapter: str, release, only: set[str] | None = None, per_slot: int = 3) -> Plan:
    """The base notebook and the trick notebooks of one chapter.

    Each slot (a solution cell defining a function or class) takes at most one snippet that
    wraps the cell's functions and up to ``per_slot - 1`` others; the notebook edits go into
    the first trick notebook. ``per_slot=0`` grades every trick alone in a notebook (slow; for
    telling which trick earns what when the defences are off)."""
    references = harness.solutions(chapter)
    wrong = wrong_answers(chapter, release)
    result = Plan(chapter)
    result.submissions[BASE] = submission(chapter, release, wrong)
    slots = [c for c in wrong if defined_callables(references[c])] or list(wrong)
    pending = [t for t in snippets() if not only or t.name in only]
    wrappers = [t for t in pending if WRAPPERS in t.text]
    others = [t for t in pending if WRAPPERS not in t.text]
    chosen = [e for e in EDITS if not only or e[0] in only]
    if per_slot == 0:  # isolated: every trick alone in a notebook, in the first slot
        for index, trick in enumerate(pending):
            placed = [(trick, slots[0])]
            answers = {**wrong, slots[0]: answers_for(placed, slots[0], release, wrong,
                                                        references)}
            result.submissions[f"trick{index:02d}"] = submission(chapter, release, answers)
            result.placed[f"trick{index:02d}"] = placed
        for index, edit in enumerate(chosen):
            nb = submission(chapter, release, wrong)
            apply_edits(nb, [edit])
            result.submissions[f"edit{index:02d}"] = nb
            result.placed[f"edit{index:02d}"] = [(Trick(edit[0], EDIT_FAMILY), None)]
        return result
    index = 0
    while wrappers or others or (index == 0 and chosen):
        placed: list[tuple[Trick, str | None]] = []
        for slot in slots:
            here = [wrappers.pop(0)] if wrappers else []
            while others and len(here) < per_slot:
                here.append(others.pop(0))
            placed += [(trick, slot) for trick in here]
        answers = dict(wrong)
        for slot in {slot for _, slot in placed}:
            answers[slot] = answers_for(placed, slot, release, wrong, references)
        nb = submission(chapter, release, answers)
        if index == 0 and chosen:
            apply_edits(nb, chosen)
            placed += [(Trick(name, EDIT_FAMILY), None) for name, _, _ in chosen]
        student = f"tricks{index:02d}"
        result.submissions[student] = nb
        result.placed[student] = placed
        index += 1
    return result


def answers_for(placed, slot, release, wrong, references) -> str:
    text = wrong[slot]
    on_reference = any(t.on_reference for t, s in placed if s == slot)
    if on_reference:
        text = references[slot]
    for trick, s in placed:
        if s == slot:
            text = apply_snippet(trick, release, slot, text, text)
    return text


def apply_edits(nb, chosen) -> None:
    tests = _tests(nb)
    per_test = [e for e in chosen if e[2]]
    for name, function, on_tests in chosen:
        if on_tests:
            function(nb, tests[per_test.index((name, function, on_tests))::len(per_test)])
        else:
            function(nb, [])


# --- grading and judging -----------------------------------------------------------------------


@dataclass
class Verdict:
    chapter: str
    student: str
    trick: Trick
    slot: str | None
    unearned: list[str]  # test cells that scored more than they should
    messages: dict[str, str] = field(default_factory=dict)  # test cell -> what it reported
    base_messages: dict[str, str] = field(default_factory=dict)  # the same, without tricks

    @property
    def held(self) -> bool:
        return not self.unearned


def judge(p: Plan, grades: dict[str, course.SubmissionGrade]) -> list[Verdict]:
    base = {c.grade_id: c.score or 0.0 for c in grades[BASE].cells if c.auto}
    base_messages = {c.grade_id: c.message or "" for c in grades[BASE].cells if c.auto}
    verdicts = []
    for student, placed in p.placed.items():
        scores = {c.grade_id: c.score or 0.0 for c in grades[student].cells if c.auto}
        messages = {c.grade_id: c.message or "" for c in grades[student].cells if c.auto}
        over = [cell for cell, score in scores.items() if score > base.get(cell, 0.0)]
        for trick, slot in placed:
            unearned = list(over)
            if trick.on_reference and slot and scores.get(f"{slot}_tests", 0.0) > 0:
                unearned.append(f"{slot}_tests")
            verdicts.append(Verdict(p.chapter, student, trick, slot, sorted(set(unearned)),
                                    messages, base_messages))
    return verdicts


CELL_TIMEOUT = 20  # seconds per cell in the catalogue's courses
WORKERS = 3  # chapters graded side by side: kernels starting up or waiting leave a core idle
DEFENCES = "\n# Grading that cannot be fooled"  # where nbgrader_config.py's defences begin


def run(folder: Path, chapters: list[str] | None = None, per_slot: int = 3,
        only: set[str] | None = None, undefended: bool = False) -> list[Verdict]:
    """Grade every chapter's base and trick notebooks: one scratch course (its release
    generated afresh) and one nbgrader run per chapter, two chapters at a time."""
    from concurrent.futures import ThreadPoolExecutor

    def one(chapter: str) -> list[Verdict]:
        scratch = course.make_scratch_course(ROOT, folder / chapter, [chapter])
        config = scratch / course.CONFIG_FILE
        if undefended:  # nbgrader's stock autograde steps, as before the defences
            config.write_text(config.read_text().split(DEFENCES)[0])
        # Some tricks leave a cell spinning (patched builtins break numpy): a shorter limit
        # than the class's 60 s keeps the catalogue quick; every reduced-budget cell of the
        # reference notebooks runs in a few seconds.
        with open(config, "a") as extra:
            extra.write(f"\nc.ExecutePreprocessor.timeout = {CELL_TIMEOUT}\n"
                        + ("" if undefended else "c.GuardedExecute.stuck_timeout = 5\n"))
        p = plan(chapter, course.release_notebook(scratch, chapter), only, per_slot)
        grades = course.grade_in_course(scratch, chapter, p.submissions,
                                        course.notebook_name(ROOT, chapter), threads=1,
                                        warm=not undefended)
        return judge(p, grades)

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        return [v for part in pool.map(one, chapters or harness.CHAPTERS) for v in part]


def table(verdicts: list[Verdict]) -> str:
    lines = [f"{'trick':<30} {'family':<45} {'chapters':>8} {'unearned':>9}"]
    by_trick: dict[str, list[Verdict]] = {}
    for v in verdicts:
        by_trick.setdefault(v.trick.name, []).append(v)
    for name, vs in by_trick.items():
        lines.append(f"{name:<30} {vs[0].trick.family:<45} {len(vs):>8} "
                     f"{sum(not v.held for v in vs):>9}")
    bad = sum(not v.held for v in verdicts)
    lines.append(f"{len(by_trick)} tricks x chapters = {len(verdicts)} tries; {bad} earned an "
                 f"unearned point")
    return "\n".join(lines)


if __name__ == "__main__":
    import argparse
    import os
    import tempfile

    parser = argparse.ArgumentParser()
    parser.add_argument("chapters", nargs="*")
    parser.add_argument("--keep", type=Path)
    parser.add_argument("--per-slot", type=int, default=3,
                        help="tricks per solution cell (0: each trick alone in a notebook)")
    parser.add_argument("--undefended", action="store_true",
                        help="grade with nbgrader's stock autograde steps")
    parser.add_argument("--package", type=Path,
                        help="a folder holding another rnngraded (e.g. from before the "
                             "defences) for nbgrader and the kernels to import")
    args = parser.parse_args()
    if args.package:  # for the subprocesses only: this process already imported its own
        os.environ["PYTHONPATH"] = str(args.package.resolve())
    out = args.keep or Path(tempfile.mkdtemp(prefix="rnngraded-tricks-"))
    result = run(out, args.chapters or None, per_slot=args.per_slot,
                 undefended=args.undefended)
    print(table(result))
    for v in result:
        if not v.held:
            print(f"  {v.chapter} {v.student} {v.trick.name} (slot {v.slot}): {v.unearned}")
