"""The class report: one self-contained HTML page on how the class did (``class_report.html``).

For the instructor: the summary of what is graded, the score distribution per chapter, each
exercise's difficulty, the diagnoses the class got most often, the submissions with faults and
the points of every student. Everything comes from :func:`course.read_grades` (the gradebook,
whatever its database, and the autograded notebooks), so a class graded locally or on a Dask
cluster gives the same page. The page loads nothing: its figures are embedded PNGs and its
style is inline. Every text that comes from a submission is HTML-escaped.
"""

from __future__ import annotations

import base64
import html
import io
import re
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from rnngraded import course, notebooks
from rnngraded.course import SubmissionGrade

REPORT_FILE = "class_report.html"
TOP_DIAGNOSES = 5
HARDEST_SHOWN = 10
NOT_STARTED = "not started (the starter still raises NotImplementedError)"
NO_MESSAGE = "points lost without a message (see the submission's faults, if any)"
VARIES = "…"  # stands for a number that differed between the submissions of a group
SHOWN_CHARS = 600  # of a diagnosis: a submission's error message can be arbitrarily long

# A number standing alone (not inside a name such as float32 or W_hh): sizes, indices, values.
NUMBER = re.compile(r"(?<![\w.])[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?(?!\w)")


# --- reading the class ----------------------------------------------------------------------


def read_class(root: Path) -> list[SubmissionGrade]:
    """Every graded submission of the course in ``root``, chapter by chapter."""
    grades = []
    for chapter in course.assignments(root):
        grades.extend(course.read_grades(root, chapter).values())
    return grades


def graded_chapters(grades: list[SubmissionGrade], chapters: list[str] | None) -> list[str]:
    """The chapters with at least one submission, in the course's order."""
    present = {g.assignment for g in grades}
    return [c for c in chapters if c in present] if chapters else sorted(present)


def percent(earned: float, maximum: float) -> float:
    return 100.0 * earned / maximum if maximum else 0.0


def points(value: float) -> str:
    """Points as nbgrader keeps them (partial credit to the hundredth), without trailing 0s."""
    return f"{round(value, 2):g}"


# --- diagnoses ------------------------------------------------------------------------------


def diagnoses(message: str | None) -> list[str]:
    """The diagnoses a failed test's message holds: one per failed part for a test made of
    parts (without the points line and the list of parts passed), else the message itself."""
    if not message or not message.strip():
        return [NO_MESSAGE]
    if message.startswith("NotImplementedError"):
        return [NOT_STARTED]
    if message.startswith(notebooks.PARTIAL_CREDIT + ":"):
        body = message.partition("\n")[2]
    elif message.startswith("AssertionError: ["):  # every part failed: no points line
        body = message.removeprefix("AssertionError: ")
    else:
        return [message.strip()]
    return failed_parts(body) or [message.strip()]


def failed_parts(body: str) -> list[str]:
    """``[label] message`` lines (a message may run on over the following lines)."""
    lines = body.strip().splitlines()
    if lines and lines[-1].startswith("(passed: "):
        lines.pop()
    parts: list[str] = []
    for line in lines:
        if line.startswith("[") or not parts:
            parts.append(line)
        else:
            parts[-1] += "\n" + line
    return [part.strip() for part in parts if part.strip()]


def skeleton(text: str) -> tuple[str, ...]:
    """A diagnosis without its numbers: diagnoses that differ only in numbers group together."""
    return tuple(NUMBER.split(text))


def merged(texts: list[str]) -> str:
    """One text for a group of diagnoses with the same skeleton: each number as it is when
    every submission got the same, else ``…``."""
    pieces = NUMBER.split(texts[0])
    columns = zip(*(NUMBER.findall(text) for text in texts), strict=True)
    shown = [values[0] if len(set(values)) == 1 else VARIES for values in columns]
    return pieces[0] + "".join(n + p for n, p in zip(shown, pieces[1:], strict=True))


@dataclass
class Diagnosis:
    text: str
    submissions: int
    share: float  # of the chapter's submissions


def frequent_diagnoses(grades: list[SubmissionGrade], top: int = TOP_DIAGNOSES,
                       ) -> dict[tuple[str, str], list[Diagnosis]]:
    """Per (chapter, exercise) that lost points: its ``top`` most frequent diagnoses, each
    counted once per submission."""
    totals: dict[str, int] = defaultdict(int)
    groups: dict[tuple[str, str], dict[tuple, list[str]]] = defaultdict(lambda: defaultdict(list))
    for grade in grades:
        totals[grade.assignment] += 1
        for cell in grade.lost():
            once = {skeleton(text): text for text in diagnoses(cell.message)}
            for key, text in once.items():
                groups[(grade.assignment, cell.grade_id)][key].append(text)
    found = {}
    for (chapter, exercise), by_key in groups.items():
        ranked = sorted(by_key.values(), key=lambda texts: (-len(texts), merged(texts)))
        found[(chapter, exercise)] = [Diagnosis(merged(texts), len(texts),
                                                len(texts) / totals[chapter])
                                      for texts in ranked[:top]]
    return found


# --- exercise difficulty --------------------------------------------------------------------


@dataclass
class Exercise:
    chapter: str
    grade_id: str
    mean_share: float  # of the points, over the chapter's submissions
    full_marks: int  # submissions with every point
    submissions: int


def exercise_difficulty(grades: list[SubmissionGrade]) -> list[Exercise]:
    """Each autograded test cell, chapter by chapter in notebook order."""
    shares: dict[tuple[str, str], list[float]] = {}
    # A submission nbgrader could not grade (always a fault) has its cells in name order, not
    # the notebook's: let the others set the order.
    for grade in sorted(grades, key=lambda g: bool(g.faults)):
        for cell in grade.cells:
            if cell.auto and cell.max_score > 0:
                share = (cell.score or 0.0) / cell.max_score
                shares.setdefault((grade.assignment, cell.grade_id), []).append(share)
    return [Exercise(chapter, grade_id, sum(found) / len(found),
                     sum(1 for s in found if s >= 1.0), len(found))
            for (chapter, grade_id), found in shares.items()]


def hardest(exercises: list[Exercise], count: int = HARDEST_SHOWN) -> list[Exercise]:
    """The exercises that kept the most points from the class (never one fully solved)."""
    lost = [e for e in exercises if e.mean_share < 1.0]
    return sorted(lost, key=lambda e: (e.mean_share, e.chapter, e.grade_id))[:count]


# --- figures --------------------------------------------------------------------------------


def png_base64(fig) -> str:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig)  # the Agg canvas, whatever backend pyplot would pick
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


@contextmanager
def course_style():
    """The course's plot style, for these figures only (nothing global changes)."""
    import matplotlib as mpl
    import seaborn as sns

    from rnngraded import plotting

    with sns.axes_style("whitegrid"), mpl.rc_context(plotting.COURSE_RC):
        yield


def score_distribution_png(grades: list[SubmissionGrade], chapters: list[str]) -> str:
    import seaborn as sns
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    names = [g.assignment for g in grades]
    scores = [percent(g.auto_score, g.auto_max) for g in grades]
    dot = sns.color_palette("colorblind")[0]
    with course_style():
        fig = Figure(figsize=(max(6.0, 1.4 * len(chapters) + 2.0), 4.5))
        ax = fig.add_subplot()
        sns.boxplot(x=names, y=scores, order=chapters, ax=ax, color="0.85", width=0.5,
                    showfliers=False)
        sns.stripplot(x=names, y=scores, order=chapters, ax=ax, color=dot, size=5, jitter=0.15,
                      alpha=0.8)
        ax.set(title="Share of the autograded points, per submission", xlabel="chapter",
               ylabel="percent of the chapter's autograded points", ylim=(-5, 105))
        ax.tick_params(axis="x", rotation=20)
        ax.legend(handles=[Line2D([], [], marker="o", linestyle="", color=dot,
                                  label="one submission"),
                           Patch(facecolor="0.85", edgecolor="0.3",
                                 label="middle half of the class\n(line: median)")],
                  loc="upper left", bbox_to_anchor=(1.01, 1.0))
        return png_base64(fig)


def difficulty_png(chapter: str, exercises: list[Exercise]) -> str:
    import seaborn as sns
    from matplotlib.figure import Figure

    names = [e.grade_id for e in exercises]
    colours = sns.color_palette("colorblind")
    with course_style():
        fig = Figure(figsize=(8.0, 1.6 + 0.38 * len(names)))
        ax = fig.add_subplot()
        ax.barh(names, [100 * e.mean_share for e in exercises], color=colours[0],
                label="mean share of the points")
        ax.scatter([percent(e.full_marks, e.submissions) for e in exercises], names,
                   color=colours[3], marker="D", zorder=3, label="submissions with every point")
        ax.invert_yaxis()  # the notebook's order, top to bottom
        ax.set(title=f"{chapter}: points earned per exercise", xlabel="percent",
               ylabel="test cell", xlim=(-2, 102))
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0))
        return png_base64(fig)


# --- HTML -----------------------------------------------------------------------------------


class Html(str):
    """Text that is already HTML; any other text put in the page is escaped."""


def esc(text) -> Html:
    return text if isinstance(text, Html) else Html(html.escape(str(text), quote=True))


def shortened(text: str) -> str:
    if len(text) <= SHOWN_CHARS:
        return text
    return f"{text[:SHOWN_CHARS]}… ({len(text) - SHOWN_CHARS} more characters)"


def message(text: str) -> Html:
    return Html(f'<span class="msg">{esc(shortened(text))}</span>')


def table(headers: list, rows: list[list], table_id: str = "") -> Html:
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(map(td, row)) + "</tr>" for row in rows)
    ident = f' id="{esc(table_id)}"' if table_id else ""
    return Html(f"<table{ident}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def td(cell) -> Html:
    """A cell as ``<td>`` (``(content, rowspan)`` spans rows)."""
    if isinstance(cell, tuple):
        content, rowspan = cell
        return Html(f'<td rowspan="{int(rowspan)}">{esc(content)}</td>')
    return Html(f"<td>{esc(cell)}</td>")


def image(png: str, alt: str) -> Html:
    return Html(f'<img src="data:image/png;base64,{png}" alt="{esc(alt)}">')


def section(title: str, explanation: str, *body: str) -> Html:
    return Html(f"<section><h2>{esc(title)}</h2><p class=\"why\">{esc(explanation)}</p>"
                + "".join(esc(part) for part in body) + "</section>")


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary_section(grades: list[SubmissionGrade], chapters: list[str],
                    course_chapters: list[str] | None) -> Html:
    students = {g.student for g in grades}
    faulty = sum(1 for g in grades if g.faults)
    pending = sum(g.manual_pending for g in grades)
    where = (f"{len(chapters)} of {plural(len(course_chapters), 'chapter')}" if course_chapters
             else plural(len(chapters), "chapter"))
    line = (f"{plural(len(students), 'student')}, {plural(len(grades), 'submission')} in "
            f"{where}, {faulty} with faults, {plural(pending, 'written answer')} still to grade "
            f"by hand.")
    body = [Html(f'<p class="summary">{esc(line)}</p>')]
    if not grades:
        body.append(Html("<p>No submission has been graded yet: put submissions in "
                         "<code>submitted/&lt;student&gt;/&lt;chapter&gt;/</code> and run "
                         "<code>make grade</code>; the rest of this report appears then.</p>"))
    return section("Summary", "What the gradebook holds now.", *body)


def distribution_section(grades: list[SubmissionGrade], chapters: list[str]) -> Html:
    return section(
        "Scores per chapter",
        "Each dot is one submission's share of its chapter's autograded points: a low box or a "
        "wide spread marks a chapter the class found hard.",
        image(score_distribution_png(grades, chapters), "score distribution per chapter"))


def difficulty_section(grades: list[SubmissionGrade], chapters: list[str],
                       found: dict[tuple[str, str], list[Diagnosis]]) -> Html:
    exercises = exercise_difficulty(grades)
    figures = [image(difficulty_png(chapter, mine), f"points earned per exercise, {chapter}")
               for chapter in chapters
               if (mine := [e for e in exercises if e.chapter == chapter])]
    rows = [[e.chapter, e.grade_id, f"{100 * e.mean_share:.0f}%",
             f"{e.full_marks} of {e.submissions}",
             message(found[(e.chapter, e.grade_id)][0].text)
             if found.get((e.chapter, e.grade_id)) else ""]
            for e in hardest(exercises)]
    hardest_table = (table(["chapter", "exercise", "mean share of the points",
                            "submissions with every point", "most frequent diagnosis"], rows,
                           "hardest") if rows else Html("<p>Every exercise got every point.</p>"))
    return section(
        "Exercise difficulty",
        "For each exercise (its test cell), the mean share of its points the class earned "
        "(bars) and the share of submissions that earned them all (diamonds): short bars are "
        "the exercises to go over again.",
        *figures, Html("<h3>Hardest exercises</h3>"), hardest_table)


def diagnoses_section(grades: list[SubmissionGrade], chapters: list[str],
                      found: dict[tuple[str, str], list[Diagnosis]]) -> Html:
    order = [(e.chapter, e.grade_id) for e in exercise_difficulty(grades)]
    parts = []
    for chapter in chapters:
        rows = []
        for key in [k for k in order if k[0] == chapter and k in found]:
            listed = found[key]
            for index, diagnosis in enumerate(listed):
                first = [(key[1], len(listed))] if index == 0 else []
                rows.append([*first, message(diagnosis.text), str(diagnosis.submissions),
                             f"{100 * diagnosis.share:.0f}%"])
        if rows:
            parts += [Html(f"<h3>{esc(chapter)}</h3>"),
                      table(["exercise", "diagnosis", "submissions", "share of submissions"],
                            rows, f"diagnoses-{chapter}")]
    return section(
        "Most frequent diagnoses",
        f"The messages failed tests gave the students, at most {TOP_DIAGNOSES} per exercise, "
        "with the number and share of the chapter's submissions that got each. A test made of "
        "independent checks counts each failed check on its own (without the points line); an "
        "exercise whose starter still raises NotImplementedError counts as not started; "
        "messages that differ only in numbers (sizes and values are drawn afresh for each "
        f"grading) count together, with {VARIES} for a number that differed.",
        *(parts or [Html("<p>No test failed.</p>")]))


def faults_section(grades: list[SubmissionGrade]) -> Html:
    faulty = sorted((g for g in grades if g.faults), key=lambda g: (g.student, g.assignment))
    rows = [[g.student, g.assignment,
             Html("<ul>" + "".join(f"<li>{message(f)}</li>" for f in g.faults) + "</ul>")]
            for g in faulty]
    body = (table(["student", "chapter", "faults"], rows, "faults") if rows
            else Html("<p>None: every submission was graded without a fault.</p>"))
    return section(
        "Submissions with faults",
        "Submissions whose grading hit a problem (a dead kernel, a time limit, missing evidence, "
        "a broken or renamed file): the scores stand, but these may deserve a look.", body)


def student_cell(grade: SubmissionGrade | None) -> Html:
    if grade is None:
        return Html("—")
    text = (f"{points(grade.auto_score)} / {points(grade.auto_max)} "
            f"({percent(grade.auto_score, grade.auto_max):.0f}%)")
    notes = []
    by_hand = [c for c in grade.cells if not c.auto and c.score is not None]
    if by_hand:
        notes.append(f"written answers: {points(sum(c.score for c in by_hand))} / "
                     f"{points(sum(c.max_score for c in by_hand))}")
    if grade.manual_pending:
        notes.append(f"{plural(grade.manual_pending, 'written answer')} to grade by hand")
    if grade.faults:
        notes.append(plural(len(grade.faults), "fault"))
    return Html(esc(text) + "".join(f'<br><span class="note">{esc(n)}</span>' for n in notes))


def students_section(grades: list[SubmissionGrade], chapters: list[str]) -> Html:
    by_key = {(g.student, g.assignment): g for g in grades}
    rows = []
    for student in sorted({g.student for g in grades}):
        mine = [by_key[(student, c)] for c in chapters if (student, c) in by_key]
        earned, maximum = sum(g.auto_score for g in mine), sum(g.auto_max for g in mine)
        total = f"{points(earned)} / {points(maximum)} ({percent(earned, maximum):.0f}%)"
        rows.append([student, *(student_cell(by_key.get((student, c))) for c in chapters), total])
    return section(
        "Points per student",
        "Autograded points / maximum and percent per chapter (— : not submitted); written "
        "answers are graded by hand in the formgrader: a note gives the points of those graded "
        "and how many are left.",
        table(["student", *chapters, "total"], rows, "per-student"))


STYLE = """
body { font-family: sans-serif; margin: 2em auto; max-width: 72em; color: #222; }
h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-bottom: 1px solid #ccc; }
p.why { color: #555; } p.summary { font-size: 1.15em; }
p.warning { color: #a00; font-weight: bold; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
.msg { white-space: pre-wrap; font-family: monospace; font-size: 0.9em; }
.note { color: #a60; font-size: 0.85em; }
ul { margin: 0; padding-left: 1.2em; }
img { max-width: 100%; display: block; margin: 1em 0; }
"""


def build_from_grades(grades: list[SubmissionGrade], chapters: list[str] | None = None,
                      warning: str | None = None) -> str:
    """The page for these submissions. ``chapters``: the course's chapters, in order (default:
    those of the submissions); ``warning``: a line shown first (grades without a sandbox)."""
    present = graded_chapters(grades, chapters)
    sections = [summary_section(grades, present, chapters)]
    if grades:
        found = frequent_diagnoses(grades)
        sections += [distribution_section(grades, present),
                     difficulty_section(grades, present, found),
                     diagnoses_section(grades, present, found),
                     faults_section(grades),
                     students_section(grades, present)]
    alert = f'<p class="warning">{esc(warning)}</p>' if warning else ""
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<title>Class report</title>"
            f"<style>{STYLE}</style></head><body><h1>Class report</h1>{alert}"
            + "".join(sections) + "</body></html>\n")


def build(root: Path) -> str:
    """The class report of the nbgrader course in ``root``, as one HTML page."""
    from rnngraded import cli  # cli wires this module in: import it only when called

    root = Path(root)
    warning = cli.UNSAFE_WARNING if cli.unsafe_grades(root) else None
    return build_from_grades(read_class(root), course.assignments(root), warning)


def write(root: Path, target: Path | None = None) -> Path:
    """Write the class report (``root/class_report.html`` by default); its path."""
    target = Path(target) if target else Path(root) / REPORT_FILE
    target.write_text(build(root), encoding="utf-8")
    return target
