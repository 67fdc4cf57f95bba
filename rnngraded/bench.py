"""Grading-time budgets: autograde time of each chapter's solution against the *floor*, the
same nbgrader autograde of a notebook that only imports numpy, torch and matplotlib; a
synthetic class graded by stock nbgrader and by the course's grader (``bench-class``); and a
learner's run of each chapter, top to bottom, against its budget (``bench-student``)."""

from __future__ import annotations

import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from nbformat import NotebookNode
from nbformat.v4 import new_code_cell, new_notebook

from rnngraded import course, notebooks, timing

FLOOR = "00_floor"


def floor_notebook():
    cell = new_code_cell("import matplotlib.pyplot as plt\nimport numpy as np\nimport torch")
    test = new_code_cell("assert np is not None and torch is not None and plt is not None")
    test.metadata = {"nbgrader": {"grade": True, "solution": False, "locked": True,
                                  "grade_id": "floor_tests", "points": 1, "schema_version": 3}}
    nb = new_notebook(cells=[cell, test])
    nb.metadata = {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                  "language": "python"}}
    return nb


def time_autograde(folder: Path, assignment: str, submission, repeats: int,
                   sandboxed: bool = True) -> list[float]:
    notebook = course.notebook_name(folder, assignment)
    notebooks.write(submission, folder / "submitted" / "bench" / assignment / f"{notebook}.ipynb")
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        course.nbgrader(course.autograde_args(assignment, sandboxed), cwd=folder)
        times.append(time.perf_counter() - start)
    return times


def reference_submission(root: Path, folder: Path, chapter: str):
    source = course.source_notebook(root, chapter)
    answers = {notebooks.grade_id(c): c.source for c in source.cells
               if notebooks.nbgrader_meta(c).get("solution", False)}
    return notebooks.with_answers(course.release_notebook(folder, chapter), answers)


def run(root: Path, chapters: list[str] | None = None, repeats: int = 3,
        modes: tuple[bool, ...] = (False, True), record: bool = True
        ) -> dict[str, dict[bool, float]]:
    """Median autograde seconds of the floor and of each chapter's reference answers, without
    (``False``) and with (``True``) the sandbox; the two modes alternate run by run, so that
    load from other work hits both alike. ``record``: save the reference's per-cell times of
    the sandboxed runs (rnngraded.timing), which timeout messages quote."""
    chapters = chapters or course.assignments(root)
    with tempfile.TemporaryDirectory(prefix="rnngraded-bench-") as tmp:
        folder = Path(tmp)
        notebooks.write(floor_notebook(), folder / "source" / FLOOR / f"{FLOOR}.ipynb")
        course.make_scratch_course(root, folder, chapters)
        course.nbgrader(["generate_assignment", FLOOR, "--force"], cwd=folder)
        submissions = {FLOOR: notebooks.read(folder / "release" / FLOOR / f"{FLOOR}.ipynb")}
        submissions.update({c: reference_submission(root, folder, c) for c in chapters})
        medians: dict[str, dict[bool, float]] = {}
        for name, submission in submissions.items():
            runs: dict[bool, list[float]] = {mode: [] for mode in modes}
            cells = []
            for _ in range(repeats):
                for mode in modes:
                    runs[mode] += time_autograde(folder, name, submission, 1, sandboxed=mode)
                    if mode and name != FLOOR:
                        notebook = course.notebook_name(folder, name)
                        cells.append(timing.cell_seconds(notebooks.read(
                            folder / "autograded" / "bench" / name / f"{notebook}.ipynb")))
            medians[name] = {mode: statistics.median(t) for mode, t in runs.items()}
            if record and cells:
                timing.record(name, root / "source" / name /
                              f"{course.notebook_name(root, name)}.ipynb", cells)
        return medians


def report(medians: dict[str, dict[bool, float]]) -> str:
    floor = medians[FLOOR]
    modes = list(floor)
    label = {False: "no sandbox", True: "sandbox"}
    header = f"{'notebook':<24}" + "".join(f" {label[m] + ' (s)':>16} {'x floor':>8}"
                                           for m in modes)
    lines = [header]
    for name, by_mode in medians.items():
        lines.append(f"{name:<24}" + "".join(f" {by_mode[m]:>16.2f} {by_mode[m] / floor[m]:>8.2f}"
                                             for m in modes))
    return "\n".join(lines)


# --- what starting a kernel in a sandbox costs --------------------------------------------------


def kernel_start_seconds(sandboxed: bool) -> float:
    """Seconds from nothing to a kernel that answers, and back to nothing."""
    import asyncio

    from jupyter_client.manager import AsyncKernelManager

    from rnngraded import sandbox

    async def once() -> float:
        start = time.perf_counter()
        km = sandbox.SandboxKernelManager() if sandboxed else AsyncKernelManager()
        await km.start_kernel()
        client = km.client()
        client.start_channels()
        await client.wait_for_ready(timeout=120)
        client.stop_channels()
        await km.shutdown_kernel(now=True)
        return time.perf_counter() - start

    return asyncio.run(once())


def start_cost(repeats: int = 5) -> dict[bool, list[float]]:
    times: dict[bool, list[float]] = {False: [], True: []}
    for _ in range(repeats):
        for mode in (False, True):
            times[mode].append(kernel_start_seconds(mode))
    return times


def start_cost_report(times: dict[bool, list[float]]) -> str:
    plain, boxed = statistics.median(times[False]), statistics.median(times[True])
    return (f"kernel start and shutdown: {plain:.2f} s without the sandbox, {boxed:.2f} s in a "
            f"sandbox (medians of {len(times[True])}): the sandbox costs {boxed - plain:+.2f} s "
            f"per kernel")


# --- what the defences against tricks and faults cost ------------------------------------------

DEFENCES = "\n# Grading that cannot be fooled"  # where nbgrader_config.py's defences begin


def defence_overhead(root: Path, repeats: int = 3, chapters: list[str] | None = None
                     ) -> dict[str, list[float]]:
    """Seconds for one ``nbgrader autograde "*"`` of every chapter's reference answers (a full
    course submission), with the course's configuration and with the defences cut from it
    (nbgrader's stock executor), runs alternating so load from other work hits both alike."""
    chapters = chapters or course.assignments(root)
    times: dict[str, list] = {"defended": [], "undefended": []}
    with tempfile.TemporaryDirectory(prefix="rnngraded-overhead-") as tmp:
        folder = Path(tmp)
        course.make_scratch_course(root, folder, chapters)
        config = folder / course.CONFIG_FILE
        configs = {"defended": config.read_text()}
        configs["undefended"] = configs["defended"].split(DEFENCES)[0]
        for chapter in chapters:
            source = course.source_notebook(root, chapter)
            answers = {notebooks.grade_id(c): c.source for c in source.cells
                       if notebooks.nbgrader_meta(c).get("solution", False)}
            submission = notebooks.with_answers(course.release_notebook(folder, chapter), answers)
            notebooks.write(submission, folder / "submitted" / "reference" / chapter /
                            f"{course.notebook_name(root, chapter)}.ipynb")
        for _ in range(repeats):
            for kind in ("undefended", "defended"):
                config.write_text(configs[kind])
                start = time.perf_counter()
                course.nbgrader(["autograde", "*", "--force"], cwd=folder)
                times[kind].append(time.perf_counter() - start)
        # the last run was defended: the reference answers must keep every point
        times["scores"] = [(chapter, g.auto_score, g.auto_max, len(g.faults))
                           for chapter in chapters
                           for g in course.read_grades(folder, chapter, ["reference"]).values()]
    return times


def overhead_report(times: dict[str, list[float]]) -> str:
    plain = statistics.median(times["undefended"])
    guarded = statistics.median(times["defended"])
    runs = ", ".join(f"{a:.1f}/{b:.1f}" for a, b in zip(times["undefended"], times["defended"],
                                                        strict=True))
    scores = ", ".join(f"{chapter} {got:g}/{full:g}" + (f" ({faults} faults)" if faults else "")
                       for chapter, got, full, faults in times.get("scores", []))
    return (f"full course, reference answers: {plain:.1f} s without the defences, "
            f"{guarded:.1f} s with them (medians of {len(times['defended'])}; runs "
            f"without/with: {runs}): {100 * (guarded - plain) / plain:+.1f}%\n"
            f"reference scores with the defences: {scores}")


# --- a synthetic class, graded by stock nbgrader and by the course's grader ---------------------
#
# The class is built at run time from source/ (the solutions) and tests/variants/ (correct
# alternatives ok_*.py and classic bugs bug_*.py); this package holds no solution.

CORRECT, PARTLY_WRONG, BLANK = "correct", "partly wrong", "blank"
# Every block of five students holds, per chapter, this mix in a seeded order: 40% / 40% / 20%,
# for the whole class and for the first K students the 1-worker rate is measured on.
MIX_BLOCK = (CORRECT, CORRECT, PARTLY_WRONG, PARTLY_WRONG, BLANK)
ALTERNATIVE_SHARE = 0.3  # a correct exercise that has ok_*.py variants uses one this often
BUG_SHARE = 0.7  # a wrong exercise with bug_*.py variants gets one this often, else the starter


@dataclass
class SyntheticSubmission:
    student: str
    chapter: str
    kind: str  # CORRECT, PARTLY_WRONG or BLANK
    notebook: NotebookNode
    alternatives: list[str] = field(default_factory=list)  # "<grade_id>/ok_*" used
    bugs: list[str] = field(default_factory=list)  # "<grade_id>/bug_*" used
    starters: list[str] = field(default_factory=list)  # exercises left as the starter


def student_ids(count: int) -> list[str]:
    return [f"s{number:03d}" for number in range(1, count + 1)]


def submission_kinds(students: list[str], chapter: str, seed: int) -> dict[str, str]:
    kinds = {}
    for start in range(0, len(students), len(MIX_BLOCK)):
        block = list(MIX_BLOCK)
        random.Random(f"{seed}/{chapter}/{start}").shuffle(block)
        kinds.update(zip(students[start:start + len(MIX_BLOCK)], block, strict=False))
    return kinds


@dataclass(frozen=True)
class ChapterAnswers:
    """What a chapter's synthetic submissions are made of, read once from the course."""

    chapter: str
    release: NotebookNode
    solutions: dict[str, str]  # every cell the student writes in (code and written answers)
    coded: list[str]  # the autograded exercises, in notebook order
    alternatives: dict[str, list[Path]]  # per exercise, its tests/variants/.../ok_*.py
    bugs: dict[str, list[Path]]  # per exercise, its tests/variants/.../bug_*.py

    @classmethod
    def read(cls, root: Path, chapter: str, release_root: Path) -> ChapterAnswers:
        source = course.source_notebook(root, chapter)
        coded = notebooks.autograded_answer_ids(source)
        variants = root / "tests" / "variants" / chapter
        return cls(chapter, course.release_notebook(release_root, chapter),
                   {notebooks.grade_id(c): c.source for c in source.cells
                    if notebooks.nbgrader_meta(c).get("solution", False)},
                   coded,
                   {cell: sorted((variants / cell).glob("ok_*.py")) for cell in coded},
                   {cell: sorted((variants / cell).glob("bug_*.py")) for cell in coded})


def correct_answers(material: ChapterAnswers, rng: random.Random,
                    made: SyntheticSubmission) -> dict[str, str]:
    answers = dict(material.solutions)
    for cell in material.coded:
        if material.alternatives[cell] and rng.random() < ALTERNATIVE_SHARE:
            picked = rng.choice(material.alternatives[cell])
            answers[cell] = picked.read_text()
            made.alternatives.append(f"{cell}/{picked.stem}")
    return answers


def partly_wrong_answers(material: ChapterAnswers, rng: random.Random,
                         made: SyntheticSubmission) -> dict[str, str]:
    """Correct answers, then between one exercise and all but one given a classic bug or left
    as the starter (the release's cell: its answer is dropped)."""
    answers = correct_answers(material, rng, made)
    coded = material.coded
    wrong = rng.sample(coded, rng.randint(1, max(1, len(coded) - 1)))
    for cell in sorted(wrong, key=coded.index):
        made.alternatives = [a for a in made.alternatives if not a.startswith(f"{cell}/")]
        if material.bugs[cell] and rng.random() < BUG_SHARE:
            picked = rng.choice(material.bugs[cell])
            answers[cell] = picked.read_text()
            made.bugs.append(f"{cell}/{picked.stem}")
        else:
            del answers[cell]
            made.starters.append(cell)
    return answers


def synthetic_submission(material: ChapterAnswers, student: str, kind: str,
                         seed: int) -> SyntheticSubmission:
    made = SyntheticSubmission(student, material.chapter, kind, material.release)
    rng = random.Random(f"{seed}/{material.chapter}/{student}")
    if kind == CORRECT:
        answers = correct_answers(material, rng, made)
    elif kind == PARTLY_WRONG:
        answers = partly_wrong_answers(material, rng, made)
    else:
        answers = {}
    made.notebook = notebooks.strip_outputs(notebooks.with_answers(material.release, answers))
    return made


def synthetic_class(root: Path, chapters: list[str], students: int, seed: int = 0,
                    release_root: Path | None = None) -> list[SyntheticSubmission]:
    """``students`` students (s001, s002, ...) x ``chapters``: a seeded mix of correct (the
    solutions, sometimes a correct alternative), partly wrong and blank (the release as is)
    submissions, built on the releases in ``release_root`` (default: the course's)."""
    names = student_ids(students)
    made = []
    for chapter in chapters:
        material = ChapterAnswers.read(root, chapter, release_root or root)
        for student, kind in submission_kinds(names, chapter, seed).items():
            made.append(synthetic_submission(material, student, kind, seed))
    return sorted(made, key=lambda s: (s.student, s.chapter))


def write_class(folder: Path, submissions: list[SyntheticSubmission]) -> None:
    for sub in submissions:
        name = course.notebook_name(folder, sub.chapter)
        notebooks.write(sub.notebook, folder / "submitted" / sub.student / sub.chapter /
                        f"{name}.ipynb")


def class_mix(submissions: list[SyntheticSubmission]) -> str:
    kinds = [s.kind for s in submissions]
    students = len({s.student for s in submissions})
    chapters = len({s.chapter for s in submissions})
    alternatives = sum(len(s.alternatives) for s in submissions)
    bugs = sum(len(s.bugs) for s in submissions)
    starters = sum(len(s.starters) for s in submissions)
    return (f"{students} students x {chapters} chapters = {len(submissions)} submissions: "
            f"{kinds.count(CORRECT)} correct, {kinds.count(PARTLY_WRONG)} partly wrong "
            f"({bugs} exercises with a classic bug, {starters} left as the starter), "
            f"{kinds.count(BLANK)} blank; {alternatives} exercises answered with a correct "
            f"alternative")


# --- grading the class ------------------------------------------------------------------------


@dataclass
class ClassRun:
    """One grading of (part of) the class: what, how, how long, with what scores."""

    label: str
    submissions: int
    seconds: float
    grades: dict[tuple[str, str], course.SubmissionGrade]
    chapter_seconds: dict[str, float] = field(default_factory=dict)
    summary: str = ""  # the course grader's per-chapter timing lines

    @property
    def rate(self) -> float:
        return self.submissions / self.seconds


def class_course(root: Path, base: Path, folder: Path,
                 submissions: list[SyntheticSubmission]) -> Path:
    """A copy of the scratch course ``base`` (config, sources, releases, gradebook) holding
    ``submissions``."""
    shutil.copytree(base, folder)
    write_class(folder, submissions)
    return folder


def use_stock_nbgrader(folder: Path) -> None:
    """Cut the course's defences from the configuration: nbgrader's own executor runs every
    cell, hidden tests included (they judge themselves through judge.run_hidden_tests)."""
    config = folder / course.CONFIG_FILE
    config.write_text(config.read_text().split(DEFENCES)[0])


def class_grades(folder: Path, chapters: list[str]
                 ) -> dict[tuple[str, str], course.SubmissionGrade]:
    return {(student, chapter): grade for chapter in chapters
            for student, grade in course.read_grades(folder, chapter).items()}


def grade_stock(folder: Path, chapters: list[str], submissions: int) -> ClassRun:
    """Serial stock ``nbgrader autograde``, one chapter after another."""
    from tqdm.auto import tqdm

    use_stock_nbgrader(folder)
    per_chapter, failures = {}, []
    for chapter in tqdm(chapters, desc="stock nbgrader", unit="chapter"):
        start = time.perf_counter()
        result = course.nbgrader(course.autograde_args(chapter), cwd=folder, check=False)
        per_chapter[chapter] = time.perf_counter() - start
        if result.returncode != 0:
            failures.append(f"nbgrader autograde {chapter} exited {result.returncode}:\n"
                            f"{result.stdout}{result.stderr}")
    run = ClassRun("stock nbgrader", submissions, sum(per_chapter.values()),
                   class_grades(folder, chapters), per_chapter)
    run.summary = "\n".join(failures)
    return run


def timing_lines(output: str, chapters: list[str]) -> str:
    """The per-chapter lines of cluster.timing_summary in ``make grade``'s output."""
    starts = tuple(f"{chapter}: " for chapter in chapters)
    return "\n".join(line for line in output.splitlines()
                     if line.startswith(starts) and " submission(s), median " in line)


def grade_with_course(folder: Path, chapters: list[str], submissions: int,
                      workers: int) -> ClassRun:
    """``python -m rnngraded grade --workers N`` (what ``make grade`` runs) in ``folder``,
    timed from the command's start to its end (Dask's start included). Its progress bar
    shows; its table and report are kept in ``grade-output.txt``."""
    command = [sys.executable, "-m", "rnngraded", "grade", "--workers", str(workers)]
    start = time.perf_counter()
    result = subprocess.run(command, cwd=folder, env=course.tool_env(), stdout=subprocess.PIPE,
                            text=True)
    seconds = time.perf_counter() - start
    (folder / "grade-output.txt").write_text(result.stdout)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command[1:])} failed in {folder} (exit "
                         f"{result.returncode}):\n{result.stdout}")
    label = f"course grader, {workers} worker{'s' if workers > 1 else ''}"
    return ClassRun(label, submissions, seconds, class_grades(folder, chapters),
                    summary=timing_lines(result.stdout, chapters))


# --- comparing and reporting ------------------------------------------------------------------


def cell_scores(grade: course.SubmissionGrade) -> dict[str, float]:
    return {cell.grade_id: cell.score or 0.0 for cell in grade.cells if cell.auto}


def cell_differences(stock: course.SubmissionGrade, other: course.SubmissionGrade) -> list[str]:
    mine, theirs = cell_scores(stock), cell_scores(other)
    messages = {c.grade_id: (c.message or "passed") for c in stock.cells}
    their_messages = {c.grade_id: (c.message or "passed") for c in other.cells}
    maxima = {c.grade_id: c.max_score for c in [*stock.cells, *other.cells]}

    def shown(scores: dict[str, float], cell: str) -> str:
        return f"{scores[cell]:g}" if cell in scores else "-"

    return [f"  {cell}: stock {shown(mine, cell)}/{maxima[cell]:g} "
            f"({messages.get(cell, 'no such cell')}); course {shown(theirs, cell)}/"
            f"{maxima[cell]:g} ({their_messages.get(cell, 'no such cell')})"
            for cell in sorted(set(mine) | set(theirs)) if mine.get(cell) != theirs.get(cell)]


def score_mismatches(keys: list[tuple[str, str]], stock: ClassRun, other: ClassRun
                     ) -> list[str]:
    """Every submission of ``keys`` that ``other`` scores differently from stock nbgrader, with
    the cells that differ (scores and messages)."""
    lines = []
    for student, chapter in keys:
        ours, theirs = stock.grades.get((student, chapter)), other.grades.get((student, chapter))
        where = f"{student} / {chapter}"
        if ours is None or theirs is None:
            missing = " and ".join(run.label for run, grade in ((stock, ours), (other, theirs))
                                   if grade is None)
            lines.append(f"MISMATCH {where}: no grade from {missing}")
            continue
        differences = cell_differences(ours, theirs)
        if differences or ours.auto_max != theirs.auto_max:
            lines.append(f"MISMATCH {where}: stock nbgrader {ours.auto_score:g}/{ours.auto_max:g}"
                         f", {other.label} {theirs.auto_score:g}/{theirs.auto_max:g}"
                         + "".join(f"; fault: {fault}" for fault in theirs.faults))
            lines.extend(differences)
    return lines


def expected_outcomes(submissions: list[SyntheticSubmission], run: ClassRun) -> str:
    """Whether correct submissions got full marks, blank ones nothing and partly wrong ones
    something in between, with the exceptions."""
    wanted = {CORRECT: ("at full marks", lambda g: g.auto_score == g.auto_max),
              BLANK: ("at zero", lambda g: g.auto_score == 0),
              PARTLY_WRONG: ("below full marks", lambda g: g.auto_score < g.auto_max)}
    parts = []
    for kind, (words, holds) in wanted.items():
        mine = [s for s in submissions if s.kind == kind and (s.student, s.chapter) in run.grades]
        missed = [s for s in mine if not holds(run.grades[(s.student, s.chapter)])]
        part = f"{kind} {words}: {len(mine) - len(missed)} of {len(mine)}"
        if missed:
            part += " (not: " + ", ".join(
                f"{s.student}/{s.chapter} {run.grades[(s.student, s.chapter)].auto_score:g}"
                for s in missed) + ")"
        parts.append(part)
    return "; ".join(parts)


def run_line(run: ClassRun, measured_on: str) -> str:
    return (f"{run.label}: {run.submissions} submissions ({measured_on}) in {run.seconds:.1f} s"
            f" = {run.rate:.3f} submissions/s")


def keys_of(submissions: list[SyntheticSubmission]) -> list[tuple[str, str]]:
    return [(s.student, s.chapter) for s in submissions]


@dataclass
class ClassBench:
    submissions: list[SyntheticSubmission]
    one_worker_students: int
    stock: ClassRun
    two_workers: ClassRun
    one_worker: ClassRun

    @property
    def one_worker_class(self) -> list[SyntheticSubmission]:
        chosen = set(student_ids(self.one_worker_students))
        return [s for s in self.submissions if s.student in chosen]

    def mismatches(self) -> list[str]:
        return (score_mismatches(keys_of(self.submissions), self.stock, self.two_workers)
                + score_mismatches(keys_of(self.one_worker_class), self.stock, self.one_worker))

    @property
    def ratio(self) -> float:
        return self.stock.seconds / self.two_workers.seconds


def class_bench(root: Path, chapters: list[str], students: int, one_worker_students: int,
                seed: int = 0, keep: Path | None = None) -> ClassBench:
    """Build the class, grade it with serial stock nbgrader, then with the course's grader on
    2 workers, then its first ``one_worker_students`` students on 1 worker; each in a fresh
    copy of one scratch course (under ``keep`` if given, else in a temporary folder)."""
    with tempfile.TemporaryDirectory(prefix="rnngraded-class-") as tmp:
        work = Path(keep) if keep else Path(tmp)
        base = course.make_scratch_course(root, work / "base", chapters)
        whole = synthetic_class(root, chapters, students, seed, release_root=base)
        smaller = [s for s in whole if s.student in set(student_ids(one_worker_students))]
        print(f"class: {class_mix(whole)}", flush=True)
        print("grading with stock nbgrader (serial)...", flush=True)
        stock = grade_stock(class_course(root, base, work / "stock", whole), chapters,
                            len(whole))
        print("grading with the course's grader, 2 workers...", flush=True)
        two = grade_with_course(class_course(root, base, work / "workers2", whole), chapters,
                                len(whole), workers=2)
        print(f"grading the first {one_worker_students} students with the course's grader, "
              f"1 worker...", flush=True)
        one = grade_with_course(class_course(root, base, work / "workers1", smaller), chapters,
                                len(smaller), workers=1)
        return ClassBench(whole, one_worker_students, stock, two, one)


def class_report(bench: ClassBench) -> str:
    whole = len(bench.submissions)
    smaller = bench.one_worker.submissions
    one_class = (f"the first {bench.one_worker_students} students of the class x "
                 f"{len({s.chapter for s in bench.submissions})} chapters"
                 if smaller < whole else "the whole class")
    lines = [f"class: {class_mix(bench.submissions)}",
             run_line(bench.stock, "the whole class, stock configuration, serial, one "
                                   "`nbgrader autograde` per chapter"),
             "  per chapter: " + ", ".join(f"{chapter} {seconds:.1f} s" for chapter, seconds
                                           in bench.stock.chapter_seconds.items()),
             run_line(bench.two_workers, "the whole class, `python -m rnngraded grade --workers"
                                         " 2`, wall clock including the Dask start"),
             *(f"  {line}" for line in bench.two_workers.summary.splitlines()),
             run_line(bench.one_worker, f"{one_class}, `python -m rnngraded grade --workers 1`"),
             f"  its class: {class_mix(bench.one_worker_class)}",
             f"2 workers grade {bench.two_workers.rate / bench.one_worker.rate:.2f}x as many "
             f"submissions per second as 1",
             f"outcomes with stock nbgrader: {expected_outcomes(bench.submissions, bench.stock)}",
             f"outcomes with the course's grader: "
             f"{expected_outcomes(bench.submissions, bench.two_workers)}"]
    if bench.stock.summary:  # an nbgrader run that failed
        lines.append(bench.stock.summary)
    mismatches = bench.mismatches()
    compared = whole + smaller
    lines.append(f"scores: {compared - sum(ln.startswith('MISMATCH') for ln in mismatches)} of "
                 f"{compared} gradings by the course's grader (2 workers: {whole}, 1 worker: "
                 f"{smaller}) give every cell the same score as stock nbgrader")
    lines.extend(mismatches)
    lines.append(f"class grading: {bench.ratio:.1f}x stock nbgrader")
    return "\n".join(lines)


# --- a learner's run (bench-student) ----------------------------------------------------------

LEARNER_BUDGET = 180.0  # seconds per chapter, top to bottom, on a 2-core machine
STALE_BAR = re.compile(r"(?<!\d)0%\|")


def learner_notebook(root: Path, chapter: str) -> NotebookNode:
    """The chapter as a learner who wrote the reference answers has it: the source with its
    hidden tests taken out (what the release keeps, plus the solutions)."""
    from rnngraded import judge

    nb = course.source_notebook(root, chapter)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.source = judge.HIDDEN.sub("", cell.source)
    return nb


def learner_environment() -> dict[str, str]:
    """This process's environment as a learner's kernel has it: not under grading, numpy's
    BLAS on one thread (the notebooks put torch on one thread themselves)."""
    env = {k: v for k, v in os.environ.items() if k != "NBGRADER_EXECUTION"}
    env.update({name: "1" for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS",
                                       "MKL_NUM_THREADS")})
    return env


@dataclass
class LearnerRun:
    chapter: str
    seconds: float
    cell_seconds: dict[int, float]
    notebook: NotebookNode

    def slowest(self, count: int = 3) -> list[tuple[int, float]]:
        return sorted(self.cell_seconds.items(), key=lambda item: -item[1])[:count]

    def silent_results(self) -> list[int]:
        """Results cells (tagged ``results``) whose code cell above showed nothing."""
        silent, above = [], None
        for index, cell in enumerate(self.notebook.cells):
            if cell.cell_type == "code":
                above = cell
            elif "results" in cell.get("metadata", {}).get("tags", []):
                if above is None or not above.get("outputs"):
                    silent.append(index)
        return silent

    def stale_bars(self) -> list[int]:
        """Cells whose saved output still shows a progress bar at 0%."""
        stale = []
        for index, cell in enumerate(self.notebook.cells):
            for output in cell.get("outputs", []):
                text = output.get("text", "") or output.get("data", {}).get("text/plain", "")
                if STALE_BAR.search(str(text)):
                    stale.append(index)
        return sorted(set(stale))


def _cell_seconds(cell) -> float | None:
    from datetime import datetime

    stamps = cell.get("metadata", {}).get("execution", {})
    start, end = stamps.get("iopub.execute_input"), stamps.get("shell.execute_reply")
    if not start or not end:
        return None
    parse = datetime.fromisoformat
    return (parse(end.replace("Z", "+00:00")) - parse(start.replace("Z", "+00:00"))
            ).total_seconds()


def learner_run(root: Path, chapter: str, timeout: int = 1800) -> LearnerRun:
    """Run the chapter top to bottom in a fresh kernel, as a learner would."""
    from nbclient import NotebookClient

    nb = learner_notebook(root, chapter)
    with tempfile.TemporaryDirectory(prefix="rnngraded-learner-") as work:
        client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                                resources={"metadata": {"path": work}})
        started = time.perf_counter()
        client.execute(env=learner_environment())
        seconds = time.perf_counter() - started
    cells = {i: s for i, c in enumerate(nb.cells) if c.cell_type == "code"
             and (s := _cell_seconds(c)) is not None}
    return LearnerRun(chapter, seconds, cells, nb)


def first_line(cell) -> str:
    lines = [ln for ln in cell.source.splitlines() if ln.strip() and not ln.startswith("#")]
    return (lines[0] if lines else "").strip()[:60]


def learner_report(runs: list[LearnerRun]) -> str:
    lines = [f"{'chapter':<24} {'seconds':>8}  slowest cells (index: seconds, first line)"]
    for run in runs:
        slow = "; ".join(f"{i}: {s:.0f} s {first_line(run.notebook.cells[i])!r}"
                         for i, s in run.slowest())
        over = "  OVER BUDGET" if run.seconds > LEARNER_BUDGET else ""
        lines.append(f"{run.chapter:<24} {run.seconds:8.1f}  {slow}{over}")
        if run.silent_results():
            lines.append(f"  results cells with nothing printed above them: {run.silent_results()}")
        if run.stale_bars():
            lines.append(f"  cells whose saved output shows a bar at 0%: {run.stale_bars()}")
    lines.append(f"budget: {LEARNER_BUDGET:.0f} s per chapter")
    slowest = max(runs, key=lambda r: r.seconds)
    lines.append(f"slowest chapter: {slowest.seconds:.0f} s")
    return "\n".join(lines)
