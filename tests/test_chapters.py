"""Every chapter through real nbgrader: source, release, blank submission and variants."""

import json

import pytest

import harness
from rnngraded import course, grading, notebooks

CHAPTERS = harness.CHAPTERS
ALL_VARIANTS = harness.variants()


def test_there_are_chapters():
    assert "01_rnn_basics" in CHAPTERS


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_source_gets_full_marks(graded, chapter):
    grade = graded(chapter)[0][harness.SOURCE_STUDENT]
    assert grade.auto_max > 0
    lost = [(c.grade_id, c.score, c.max_score, c.message) for c in grade.lost()]
    assert not lost, f"the source notebook lost points: {lost}"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_blank_release_scores_zero_and_is_graded(graded, chapter):
    grades = graded(chapter)[0]
    assert harness.BLANK_STUDENT in grades, "the blank release was not graded"
    blank = grades[harness.BLANK_STUDENT]
    autograded_tests = [c for c in blank.cells if c.auto]
    assert autograded_tests, "no autograded cell recorded for the blank release"
    assert blank.auto_score == 0, [(c.grade_id, c.score) for c in blank.cells if c.score]
    assert blank.auto_max == grades[harness.SOURCE_STUDENT].auto_max


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_honest_submissions_meet_no_grading_fault(graded, chapter):
    """Source, blank and variants are honest code: none may time out (a timed-out cell costs
    its full limit for every student, and a slow but correct answer must not stall an
    experiment that calls it), kill its kernel, flood its output or be taken for tampering."""
    folder = graded(chapter)[1]
    faults = []
    for path in sorted(folder.glob(f"course*/autograded/*/{chapter}/*.ipynb")):
        student = path.parent.parent.name
        nb = json.loads(path.read_text())
        for index, cell in enumerate(nb["cells"]):
            for output in cell.get("outputs", []):
                if output.get("ename") in grading.FAULTS:
                    faults.append((student, index, output["ename"], output.get("evalue"),
                                   harness.round_variants(chapter, student)))
    assert not faults, f"grading faults (student, cell, error, reason, variants): {faults}"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_release_equals_fresh_generation(graded, chapter):
    folder = graded(chapter)[1]
    fresh = folder / "course0" / "release" / chapter
    committed = harness.ROOT / "release" / chapter
    fresh_files = sorted(p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file())
    committed_files = sorted(p.relative_to(committed) for p in committed.rglob("*") if p.is_file())
    assert fresh_files == committed_files
    for name in fresh_files:
        assert (fresh / name).read_bytes() == (committed / name).read_bytes(), (
            f"release/{chapter}/{name} differs from a fresh generation: run `make release`")


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_release_hides_solutions_and_hidden_tests(chapter):
    source = course.source_notebook(harness.ROOT, chapter)
    release = course.release_notebook(harness.ROOT, chapter)
    release_text = json.dumps(release)
    for marker in ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"):
        assert marker not in release_text
    release_lines = {line.strip() for cell in release.cells for line in cell.source.splitlines()}
    secret = harness.hidden_lines(source)
    assert len(secret) > 20, "expected solution and hidden-test lines in the source"
    leaked = sorted(secret & release_lines)
    assert not leaked, f"release/{chapter} contains solution or hidden-test lines: {leaked[:5]}"


@pytest.mark.parametrize("folder", ["source", "release"])
def test_notebooks_are_stored_without_outputs(folder):
    paths = sorted((harness.ROOT / folder).rglob("*.ipynb"))
    assert paths
    for path in paths:
        for cell in notebooks.read(path).cells:
            if cell.cell_type == "code":
                assert not cell.outputs and cell.execution_count is None, f"{path} has outputs"


@pytest.mark.parametrize("folder", ["source", "release"])
def test_notebooks_open_unchanged_in_jupyterlab(folder):
    """JupyterLab writes the kernel's metadata into a notebook it opens and autosaves it if that
    changed anything; a stored notebook already holds it, in the layout Jupyter saves."""
    import nbformat

    for path in sorted((harness.ROOT / folder).rglob("*.ipynb")):
        nb = notebooks.read(path)
        for key, value in notebooks.lab_metadata().items():
            assert nb.metadata.get(key) == value, (
                f"{path}: metadata.{key} is {nb.metadata.get(key)}, JupyterLab would write "
                f"{value} (python -m rnngraded release sets it)")
        assert path.read_text() == nbformat.writes(nb) + "\n", (
            f"{path} is not stored as Jupyter saves it")


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_each_graded_name_has_its_own_cell_and_tests(chapter):
    source = course.source_notebook(harness.ROOT, chapter)
    ids = notebooks.cells_by_id(source)
    for cell_id in notebooks.autograded_answer_ids(source):
        assert f"{cell_id}_tests" in ids, f"{cell_id} has no test cell {cell_id}_tests"
        test_cell = ids[f"{cell_id}_tests"]
        assert "### BEGIN HIDDEN TESTS" in test_cell.source, f"{cell_id}_tests has no hidden tests"
        visible = harness.REGION.sub("", test_cell.source)
        code = [ln for ln in visible.splitlines() if ln.strip() and not ln.strip().startswith("#")]
        assert code, f"{cell_id}_tests has no visible test"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_graded_name_has_variants(chapter):
    """At least 3 bugs and 1 correct alternative for each autograded solution cell."""
    source = course.source_notebook(harness.ROOT, chapter)
    found = harness.variants(chapter)
    for cell_id in notebooks.autograded_answer_ids(source):
        bugs = [v for v in found if v.cell == cell_id and v.is_bug]
        oks = [v for v in found if v.cell == cell_id and not v.is_bug]
        assert len(bugs) >= 3, f"{chapter}/{cell_id}: {len(bugs)} buggy variants, need 3"
        assert len(oks) >= 1, f"{chapter}/{cell_id}: no correct alternative"
    cells = set(notebooks.autograded_answer_ids(source))
    strays = [str(v) for v in found if v.cell not in cells]
    assert not strays, f"variants for cells that do not exist: {strays}"


def cell_grade(graded, variant):
    grade = graded(variant.chapter)[0][harness.round_of(variant)]
    cells = {c.grade_id: c for c in grade.cells}
    assert variant.test_cell in cells, f"no test cell {variant.test_cell} was graded"
    return cells[variant.test_cell]


@pytest.mark.parametrize("variant", [v for v in ALL_VARIANTS if v.is_bug], ids=str)
def test_bug_loses_points_with_a_helpful_message(graded, variant):
    cell = cell_grade(graded, variant)
    assert cell.score < cell.max_score, f"{variant} kept full marks on {variant.test_cell}"
    if variant.expect:
        assert variant.expect.lower() in (cell.message or "").lower(), (
            f"{variant}: expected a message containing {variant.expect!r}, got: {cell.message}")


@pytest.mark.parametrize("variant", [v for v in ALL_VARIANTS if not v.is_bug], ids=str)
def test_correct_alternative_gets_full_marks(graded, variant):
    cell = cell_grade(graded, variant)
    assert cell.score == cell.max_score > 0, (
        f"{variant} is correct but lost points on {variant.test_cell}: {cell.message}")


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_rounds_leave_untouched_cells_at_full_marks(graded, chapter):
    """In each round, the test cells of exercises that were neither replaced nor coupled to a
    replaced one keep full marks, so no variant leaked into an unrelated exercise's grade."""
    grades = graded(chapter)[0]
    coupled = harness.coupled_cells(chapter)
    for index, group in enumerate(harness.rounds(chapter)):
        touched = set(group) | {c for pair in coupled if pair & set(group) for c in pair}
        exempt = {f"{cell}_tests" for cell in touched}
        for cell in grades[harness.round_student(index)].cells:
            if cell.auto and cell.grade_id not in exempt:
                assert cell.score == cell.max_score, (index, cell.grade_id, cell.message)


def test_rounds_never_pair_coupled_cells():
    for chapter in CHAPTERS:
        coupled = harness.coupled_cells(chapter)
        for group in harness.rounds(chapter):
            cells = sorted(group)
            for i, a in enumerate(cells):
                for b in cells[i + 1:]:
                    assert frozenset((a, b)) not in coupled, (chapter, a, b)
        placed = sorted(str(v) for g in harness.rounds(chapter) for v in g.values())
        everything = sorted(str(v) for v in harness.variants(chapter))
        assert placed == everything, "every variant is graded exactly once"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_reference_times_are_measured_on_the_current_source(chapter):
    """Timeout messages quote how long the reference takes in the same cell: those times must
    come from this very source notebook (refresh them with `make bench`)."""
    from rnngraded import timing

    name = course.notebook_name(harness.ROOT, chapter)
    source = harness.ROOT / "source" / chapter / f"{name}.ipynb"
    entry = json.loads(timing.TIMES_FILE.read_text()).get(chapter)
    assert entry, f"no reference times for {chapter}: run `make bench`"
    assert entry["source_sha256"] == timing.source_digest(source), (
        f"{chapter} changed since its reference times were measured: run `make bench`")
    tests = [notebooks.grade_id(c) for c in course.source_notebook(harness.ROOT, chapter).cells
             if notebooks.is_autograded_test(c)]
    missing = [t for t in tests if t not in entry["seconds"]]
    assert not missing, f"no reference time for {missing}"
    assert all(seconds >= 0 for seconds in entry["seconds"].values())


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_hidden_test_is_judged_outside_the_kernel(chapter):
    """A test cell whose hidden block is not split into _evidence and _judge would run, and be
    believed, in the student's kernel."""
    from rnngraded import judge

    source = course.source_notebook(harness.ROOT, chapter)
    unsplit = [notebooks.grade_id(c) for c in source.cells
               if notebooks.is_autograded_test(c) and not judge.is_split(c.source)]
    assert not unsplit, f"hidden tests not split into evidence and judgement: {unsplit}"
