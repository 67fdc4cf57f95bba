"""Every chapter through real nbgrader: source, release, blank submission and variants."""

import json

import pytest

import harness
from rnngraded import course, notebooks

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


@pytest.mark.parametrize("variant", [v for v in ALL_VARIANTS if v.is_bug], ids=str)
def test_bug_loses_points_with_a_helpful_message(graded, variant):
    grade = graded(variant.chapter)[0][variant.student]
    lost = grade.lost()
    assert lost, f"{variant} kept full marks ({grade.auto_score}/{grade.auto_max})"
    assert grade.auto_score < grade.auto_max
    if variant.expect:
        messages = " | ".join(c.message or "" for c in lost)
        assert variant.expect.lower() in messages.lower(), (
            f"{variant}: expected a message containing {variant.expect!r}, got: {messages}")


@pytest.mark.parametrize("variant", [v for v in ALL_VARIANTS if not v.is_bug], ids=str)
def test_correct_alternative_gets_full_marks(graded, variant):
    grade = graded(variant.chapter)[0][variant.student]
    lost = [(c.grade_id, c.message) for c in grade.lost()]
    assert not lost, f"{variant} is correct but lost points: {lost}"
    assert grade.auto_score == grade.auto_max > 0


def test_hidden_line_detection_sees_solution_and_hidden_test_lines():
    nb = notebooks.nbformat.v4.new_notebook(cells=[
        notebooks.nbformat.v4.new_code_cell(
            "def f(x):\n    ### BEGIN SOLUTION\n    return compute_the_answer(x)\n"
            "    ### END SOLUTION\nshared_line_visible_to_all = 1"),
        notebooks.nbformat.v4.new_code_cell(
            "assert f(1) == 2\n### BEGIN HIDDEN TESTS\nassert f(12345) == 24690\n"
            "### END HIDDEN TESTS"),
    ])
    found = harness.hidden_lines(nb)
    assert found == {"return compute_the_answer(x)", "assert f(12345) == 24690"}
