"""The course's commands: ``python -m rnngraded COMMAND`` (the Makefile calls these).

Instructors: ``release``, ``collect``, ``roster``, ``grade``, ``feedback``, ``export``,
``table``, ``report``, ``demo``, ``lab --instructor``.
Learners: ``lab`` and ``check NOTEBOOK`` (grades one notebook in a scratch copy of the course).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from rnngraded import cluster, course, lab, notebooks, sandbox
from rnngraded.course import SubmissionGrade

DEMO_STUDENTS = ("reference", "blank", "partial")
DEMO_ROSTER = "demo_roster.csv"
# Present while the gradebook holds grades given without a sandbox (--unsafe-no-sandbox).
UNSAFE_MARKER = Path("autograded") / "UNSAFE-NO-SANDBOX.txt"
UNSAFE_WARNING = ("WARNING: graded with --unsafe-no-sandbox: submissions ran without any "
                  "isolation, with the grader's permissions; their scores cannot be trusted")


def unsafe_grades(root: Path) -> bool:
    return (root / UNSAFE_MARKER).is_file()


def require_sandbox(args) -> bool:
    """True to grade in sandboxes; stop with how to fix it if they cannot start here."""
    if getattr(args, "unsafe_no_sandbox", False):
        print(UNSAFE_WARNING, file=sys.stderr)
        return False
    try:
        sandbox.check_available()
    except sandbox.SandboxUnavailable as err:
        raise SystemExit(str(err)) from None
    return True


# --- printing -----------------------------------------------------------------------------


def format_table(grades: list[SubmissionGrade]) -> str:
    """Points per student and chapter: autograded points plus the written answers graded by
    hand so far, out of the chapter's total; what is still to grade by hand is noted."""
    header = (f"{'student':<12} {'chapter':<24} {'points':>7} {'max':>6} {'percent':>8} "
              f"{'auto':>6} {'manual':>7}  note")
    lines = [header, "-" * len(header)]
    for g in sorted(grades, key=lambda g: (g.student, g.assignment)):
        percent = 100.0 * g.score / g.max_score if g.max_score else 0.0
        manual = f"{g.manual_score:g}/{g.manual_max:g}" if g.manual_max else "-"
        note = g.pending_note()
        if g.faults:
            note = "; ".join(filter(None, [f"FAULT ({len(g.faults)}), see the report", note]))
        lines.append(f"{g.student:<12} {g.assignment:<24} {g.score:>7.1f} {g.max_score:>6.1f} "
                     f"{percent:>7.1f}% {g.auto_score:>6.1f} {manual:>7}  {note}")
    return "\n".join(lines)


def describe(message: str) -> str:
    """A failed test's message, with a plain word for an exercise not started; a partly passed
    test's failed parts, without the points line (the score column shows them)."""
    if message.startswith("NotImplementedError"):
        return "not done yet: the starter still raises NotImplementedError"
    if message.startswith(notebooks.PARTIAL_CREDIT + ":"):
        return message.split("\n", 1)[-1]
    return message


def format_check(grade: SubmissionGrade) -> str:
    """Per exercise: points and, for a failed test, its message."""
    lines = [f"{grade.assignment}: {grade.auto_score:g} / {grade.auto_max:g} autograded points"]
    width = max((len(cell.grade_id) for cell in grade.cells), default=0)
    for cell in grade.cells:
        if not cell.auto:
            lines.append(f"  {cell.grade_id:<{width}} {'-':>5} / {cell.max_score:<4g} "
                         "graded by your instructor")
            continue
        score = cell.score or 0
        mark = "ok" if score == cell.max_score else "PART" if score > 0 else "FAIL"
        lines.append(f"  {cell.grade_id:<{width}} {score:>5g} / {cell.max_score:<4g} {mark}")
        if cell.message and score != cell.max_score:
            lines.extend(f"      {line}" for line in describe(cell.message).splitlines())
    return "\n".join(lines)


# --- commands -----------------------------------------------------------------------------


def cmd_release(root: Path, args) -> None:
    for assignment in args.assignments or course.assignments(root):
        source = root / "source" / assignment / f"{course.notebook_name(root, assignment)}.ipynb"
        if notebooks.stamp_lab_metadata(source):  # else JupyterLab would change it on opening
            print(f"source/{assignment}: kernel metadata set to this environment's")
    chosen = args.assignments or ["*"]  # one nbgrader run for every chapter by default
    for assignment in chosen:
        course.generate_release(root, assignment)
    for assignment in args.assignments or course.assignments(root):
        print(f"release/{assignment} generated")


def submitted_assignments(root: Path) -> list[str]:
    folder = root / "submitted"
    if not folder.is_dir():
        return []
    return [a for a in course.assignments(root) if any(folder.glob(f"*/{a}"))]


def format_report(grades: list[SubmissionGrade], ungraded: list[str],
                  unsafe: bool = False) -> str:
    """Per submission: its score, any fault (a dead kernel, a timeout, a broken file...) in
    plain words, each exercise that lost points with its message, and the submissions that
    produced no grade at all."""
    lines = ["# Grade report", ""]
    if unsafe:
        lines += [f"**{UNSAFE_WARNING}**", ""]
    for g in sorted(grades, key=lambda g: (g.student, g.assignment)):
        graded_by_hand = g.manual_max - g.pending_max
        lines.append(f"{g.student} / {g.assignment}: {g.score:g} / {g.max_score:g} points "
                     f"({g.auto_score:g} / {g.auto_max:g} autograded"
                     + (f", {g.manual_score:g} / {graded_by_hand:g} graded by hand"
                        if graded_by_hand else "") + ")"
                     + (f"; {g.pending_note()}" if g.manual_pending else ""))
        for fault in g.faults:
            lines.append(f"  ! FAULT: {fault}")
        for cell in g.lost():
            lines.append(f"  - {cell.grade_id}: {cell.score or 0:g} / {cell.max_score:g}"
                         + (f": {describe(cell.message)}" if cell.message else ""))
    for item in ungraded:
        lines.append(f"{item}: NOT GRADED (nbgrader recorded no grade; see its output above)")
    return "\n".join(lines) + "\n"


def ungraded_submissions(root: Path, grades: list[SubmissionGrade]) -> list[str]:
    done = {(g.student, g.assignment) for g in grades}
    found = sorted(p.relative_to(root / "submitted") for p in (root / "submitted").glob("*/*")
                   if p.is_dir())
    return [f"{student} / {chapter}" for student, chapter in (path.parts for path in found)
            if chapter in course.assignments(root) and (student, chapter) not in done]


def cmd_grade(root: Path, args) -> None:
    graded = []
    chapters = submitted_assignments(root)
    faults = course.intake(root, chapters)  # broken, renamed or missing files, duplicated cells
    if not chapters:
        print("nothing to grade: put submissions in submitted/<student>/<chapter>/")
        return
    sandboxed = require_sandbox(args)
    marker = root / UNSAFE_MARKER
    marker.parent.mkdir(exist_ok=True)
    if sandboxed:
        marker.unlink(missing_ok=True)
    else:
        marker.write_text(UNSAFE_WARNING + "\n")
    # One Dask task per submission, each kernel in its own sandbox; only this process writes
    # the gradebook and autograded/.
    try:
        results = cluster.grade_class(root, chapters, scheduler=getattr(args, "scheduler", None),
                                      workers=getattr(args, "workers", None),
                                      force=getattr(args, "force", False), sandboxed=sandboxed,
                                      warm=not getattr(args, "cold_kernels", False))
    except sandbox.SandboxUnavailable as err:
        raise SystemExit(str(err)) from None
    for result in results:
        if result.error:
            faults.setdefault((result.student, result.assignment), []).append(
                f"nbgrader could not grade this notebook ({result.error}); scored 0")
    for assignment in chapters:
        graded.extend(course.settle(root, assignment, None, faults).values())
    if unsafe_grades(root):
        print(UNSAFE_WARNING)
    print(format_table(graded))
    report = format_report(graded, ungraded_submissions(root, graded), unsafe_grades(root))
    (root / "grade_report.md").write_text(report)
    print()
    print(report)
    print("report saved to grade_report.md")
    if results:
        print(f"graded {len(results)} submission(s) now, {len(graded) - len(results)} kept from "
              f"earlier runs (--force regrades them)")
        print(cluster.timing_summary(results))
    else:
        print("every submission was already graded (--force regrades them)")


def cmd_feedback(root: Path, args) -> None:
    chapters = submitted_assignments(root)
    if chapters:
        course.nbgrader(["generate_feedback", "*", "--force"], cwd=root)
        from rnngraded.feedback import install_mathjax

        install_mathjax(root / "feedback")
    for assignment in chapters:
        print(f"feedback/*/{assignment} written")


EXTRA_COLUMNS = ("autograded_score", "manual_score", "pending_by_hand", "pending_points")


def add_grade_columns(root: Path, target: Path) -> None:
    """nbgrader's export gives the total score (written answers graded by hand included); add
    how it splits, and what is still to grade by hand (empty for a submission not graded)."""
    import csv

    with open(target, newline="") as handle:
        rows = list(csv.DictReader(handle))
    if not rows:
        return
    grades = {(a, s): g for a in course.assignments(root)
              for s, g in course.read_grades(root, a).items()}
    for row in rows:
        g = grades.get((row["assignment"], row["student_id"]))
        values = ((g.auto_score, g.manual_score, g.manual_pending, g.pending_max) if g
                  else ("",) * len(EXTRA_COLUMNS))
        row.update({k: (f"{v:g}" if isinstance(v, float) else v)
                    for k, v in zip(EXTRA_COLUMNS, values, strict=True)})
    with open(target, "w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=[*rows[0].keys()])
        writer.writeheader()
        writer.writerows(rows)


def cmd_export(root: Path, args) -> None:
    target = root / "grades.csv"
    course.nbgrader(["export", "--to", str(target)], cwd=root)
    add_grade_columns(root, target)
    if unsafe_grades(root):
        target.write_text(f"# {UNSAFE_WARNING}\n" + target.read_text())
    print("grades.csv written")


def cmd_report(root: Path, args) -> None:
    from rnngraded import report

    path = report.write(root)
    print(f"{path.relative_to(root)} written: open it in a browser (it needs no network)")


def cmd_table(root: Path, args) -> None:
    grades = []
    for assignment in course.assignments(root):
        grades.extend(course.read_grades(root, assignment).values())
    if unsafe_grades(root):
        print(UNSAFE_WARNING)
    print(format_table(grades))


def find_assignment(root: Path, notebook: Path) -> str:
    """The chapter a notebook belongs to: by file name, else by its graded cells."""
    names = course.assignments(root)
    for assignment in names:
        if notebook.stem == course.notebook_name(root, assignment):
            return assignment
    ids = set(notebooks.cells_by_id(notebooks.read(notebook)))
    overlap = {a: len(ids & set(notebooks.cells_by_id(course.source_notebook(root, a))))
               for a in names}
    best = max(overlap, key=overlap.get, default=None)
    if not best or not overlap[best]:
        raise SystemExit(f"{notebook} matches no chapter of this course ({', '.join(names)})")
    return best


def cmd_check(root: Path, args) -> None:
    notebook = Path(args.notebook).resolve()
    if not notebook.is_file():
        raise SystemExit(f"no such notebook: {notebook}")
    try:
        submission = notebooks.read(notebook)
    except Exception as err:  # any unreadable file: say so plainly
        raise SystemExit(f"{notebook} is not a readable notebook: {err}") from err
    assignment = find_assignment(root, notebook)
    print(f"Grading {notebook.name} as {assignment} in a scratch folder (the class gradebook "
          f"is not touched)...", flush=True)
    sandboxed = require_sandbox(args)
    results = course.grade_scratch(root, assignment, {"you": submission}, workers=1,
                                   sandboxed=sandboxed)
    print(format_check(results["you"]))


def build_demo_submissions(root: Path, assignment: str) -> dict[str, notebooks.NotebookNode]:
    """reference: every solution; blank: the release; partial: the first half of the coded
    exercises right, the next one with a classic bug from tests/variants, the rest untouched."""
    release = course.release_notebook(root, assignment)
    source = course.source_notebook(root, assignment)
    solutions = {notebooks.grade_id(c): c.source for c in source.cells
                 if notebooks.nbgrader_meta(c).get("solution", False)}
    coded = notebooks.autograded_answer_ids(source)
    right = coded[: len(coded) // 2]
    partial = {cell_id: solutions[cell_id] for cell_id in right}
    rest = coded[len(right):]
    if rest:
        bugs = sorted((root / "tests" / "variants" / assignment / rest[0]).glob("bug_*.py"))
        if bugs:
            partial[rest[0]] = bugs[0].read_text()
    return {
        "reference": notebooks.with_answers(release, solutions),
        "blank": release,
        "partial": notebooks.with_answers(release, partial),
    }


def cmd_collect(root: Path, args) -> None:
    lab.collect(root, args.assignments or None)
    print("submissions in the exchange collected into submitted/")


def cmd_roster(root: Path, args) -> None:
    path = Path(args.file)
    if not path.is_file():
        raise SystemExit(f"no such roster file: {path}")
    try:
        count = lab.import_roster(root, path)
    except ValueError as err:
        raise SystemExit(str(err)) from None
    print(f"{count} students added or updated in the gradebook from {path}")


def cmd_lab(root: Path, args) -> None:
    """JupyterLab: a learner's in work/ (Assignment List on the course's exchange), or with
    --instructor at the course root (formgrader, Create Assignment)."""
    folder = root if args.instructor else lab.prepare_learner(root)
    if args.instructor:
        lab.release_to_exchange(root)
    command = lab.lab_command(folder)
    print(" ".join(command), flush=True)
    os.chdir(folder)
    os.execvpe(str(Path(sys.executable).parent / "jupyter"), command, course.tool_env())


def write_demo_roster(root: Path) -> Path:
    path = root / DEMO_ROSTER
    lab.write_roster(path, [
        {"id": "reference", "first_name": "Ada", "last_name": "Reference",
         "email": "reference@example.org"},
        {"id": "blank", "first_name": "Blaise", "last_name": "Blank",
         "email": "blank@example.org"},
        {"id": "partial", "first_name": "Paula", "last_name": "Partial",
         "email": "partial@example.org"},
    ])
    return path


def cmd_demo(root: Path, args) -> None:
    cmd_release(root, argparse.Namespace(assignments=None))
    cmd_roster(root, argparse.Namespace(file=write_demo_roster(root)))
    for assignment in course.assignments(root):
        notebook = course.notebook_name(root, assignment)
        for student, nb in build_demo_submissions(root, assignment).items():
            target = root / "submitted" / student / assignment / f"{notebook}.ipynb"
            notebooks.write(notebooks.strip_outputs(nb), target)
    print("demo submissions written to submitted/{" + ",".join(DEMO_STUDENTS) + "}")
    cmd_grade(root, args)
    cmd_feedback(root, args)
    cmd_export(root, args)
    cmd_report(root, args)


def cmd_bench(root: Path, args) -> None:
    from rnngraded import bench

    if args.overhead:
        print(bench.overhead_report(bench.defence_overhead(root, repeats=args.repeats)))
        return
    print(bench.start_cost_report(bench.start_cost(repeats=max(3, args.repeats))), flush=True)
    print(bench.report(bench.run(root, args.chapters or None, repeats=args.repeats)))


def cmd_bench_class(root: Path, args) -> None:
    from rnngraded import bench

    chapters = args.chapters or course.assignments(root)
    unknown = sorted(set(chapters) - set(course.assignments(root)))
    if unknown:
        raise SystemExit(f"no such chapter: {', '.join(unknown)}")
    if args.students < 1:
        raise SystemExit("--students must be at least 1")
    keep = Path(args.keep).resolve() if args.keep else None
    if keep and keep.exists() and any(keep.iterdir()):
        raise SystemExit(f"--keep {keep}: the folder is not empty")
    one_worker = min(args.one_worker_students or args.students, args.students)
    result = bench.class_bench(root, chapters, args.students, one_worker, seed=args.seed,
                               keep=keep)
    print(bench.class_report(result))
    if result.mismatches():
        raise SystemExit(1)


def cmd_bench_student(root: Path, args) -> None:
    from rnngraded import bench

    chapters = args.chapters or course.assignments(root)
    unknown = sorted(set(chapters) - set(course.assignments(root)))
    if unknown:
        raise SystemExit(f"no such chapter: {', '.join(unknown)}")
    runs = []
    for chapter in chapters:
        run = bench.learner_run(root, chapter)
        print(f"{chapter}: {run.seconds:.1f} s", flush=True)
        if args.save:
            notebooks.write(run.notebook, Path(args.save) / f"{chapter}.ipynb")
        runs.append(run)
    print(bench.learner_report(runs))


COMMANDS = {
    "release": (cmd_release, "regenerate release/ from source/ (all chapters or those named)"),
    "collect": (cmd_collect, "move the submissions in the exchange into submitted/"),
    "roster": (cmd_roster, "add or update students (id, first_name, last_name, email) from a "
                           "CSV file"),
    "lab": (cmd_lab, "JupyterLab for a learner in work/ (or --instructor at the course root)"),
    "grade": (cmd_grade, "autograde everything in submitted/ and print the grade table"),
    "feedback": (cmd_feedback, "write feedback HTML for every graded submission"),
    "export": (cmd_export, "export the gradebook to grades.csv"),
    "table": (cmd_table, "print the grade table from the gradebook"),
    "report": (cmd_report, "write class_report.html: score distributions, the hardest "
                           "exercises, the most frequent diagnoses, faults, points per student"),
    "check": (cmd_check, "grade one notebook against the hidden tests, in a scratch folder"),
    "demo": (cmd_demo, "release, grade three demo students, feedback, export, table, report"),
    "bench": (cmd_bench, "time each chapter's autograde, with and without the sandbox, against "
                         "the import-only floor, and a sandboxed kernel's start"),
    "bench-class": (cmd_bench_class, "grade a synthetic class with stock nbgrader (serial) and "
                                     "with the course's grader (2 workers, then 1), compare "
                                     "every score and the wall times"),
    "bench-student": (cmd_bench_student, "run each chapter top to bottom as a learner would "
                                         "(reference answers, one thread) and time it"),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="rnngraded", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    for name, (_, help_text) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text)
        if name in ("release", "collect"):
            p.add_argument("assignments", nargs="*", help="chapter ids (default: all)")
        if name == "roster":
            p.add_argument("file", help="CSV file with a header: id,first_name,last_name,email")
        if name == "lab":
            p.add_argument("--instructor", action="store_true",
                           help="open the course root (formgrader, Create Assignment)")
        if name == "bench":
            p.add_argument("chapters", nargs="*", help="chapter ids (default: all)")
            p.add_argument("--repeats", type=int, default=3, help="runs per notebook (median)")
            p.add_argument("--overhead", action="store_true",
                           help="time grading a full course submission with and without the "
                                "defences against tricks and faults")
        if name == "bench-class":
            p.add_argument("--students", type=int, default=40, help="class size (default 40)")
            p.add_argument("--chapters", nargs="+", metavar="CHAPTER",
                           help="chapter ids (default: all)")
            p.add_argument("--one-worker-students", type=int, default=10, metavar="K",
                           help="grade only the first K students for the 1-worker rate "
                                "(default 10; 0: the whole class)")
            p.add_argument("--seed", type=int, default=0, help="seed of the class's mix")
            p.add_argument("--keep", metavar="DIR",
                           help="grade in DIR (new or empty; kept afterwards, with each run's "
                                "scratch course and make grade's output) instead of a "
                                "temporary folder")
        if name == "bench-student":
            p.add_argument("chapters", nargs="*", help="chapter ids (default: all)")
            p.add_argument("--save", metavar="DIR",
                           help="keep each executed notebook in DIR, to read what it printed")
        if name == "check":
            p.add_argument("notebook", help="path to the notebook to check")
        if name in ("grade", "demo"):
            p.add_argument("--scheduler", metavar="ADDR",
                           help="a running Dask scheduler (tcp://host:8786) to send the tasks to; "
                                "default: a local cluster of one worker per core")
            p.add_argument("--workers", type=int, help="workers of the local cluster")
            p.add_argument("--force", action="store_true",
                           help="regrade submissions already graded")
            p.add_argument("--cold-kernels", action="store_true",
                           help="start every kernel from cold instead of forking it from the "
                                "worker's warm server (to measure what warm kernels save)")
        if name in ("grade", "check", "demo"):
            p.add_argument("--unsafe-no-sandbox", action="store_true",
                           help="run submissions without any isolation (when the sandbox "
                                "cannot start here); every report and grades.csv says so")
    args = parser.parse_args(argv)
    # nbgrader, also in this process, runs `alembic` by name when it opens a gradebook.
    os.environ["PATH"] = course.tool_env()["PATH"]
    root = course.find_root()
    COMMANDS[args.command][0](root, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
