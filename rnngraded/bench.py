"""Grading-time budgets: autograde time of each chapter's solution against the *floor*, the
same nbgrader autograde of a notebook that only imports numpy, torch and matplotlib."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

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
