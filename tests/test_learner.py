"""A learner's run (make bench-student) and what it leaves in a saved notebook."""

import nbformat
import pytest
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

import harness
from rnngraded import bench, notebooks


@pytest.mark.parametrize("chapter", harness.CHAPTERS)
def test_the_learners_notebook_has_the_answers_and_no_hidden_test(chapter):
    nb = bench.learner_notebook(harness.ROOT, chapter)
    text = "\n".join(c.source for c in nb.cells)
    assert "BEGIN HIDDEN TESTS" not in text and "_judge" not in text
    for cell_id, solution in harness.solutions(chapter).items():
        assert notebooks.cells_by_id(nb)[cell_id].source == solution


def run_of(cells) -> bench.LearnerRun:
    return bench.LearnerRun("00_demo", 1.0, {}, new_notebook(cells=cells))


def results(text: str):
    cell = new_markdown_cell(text)
    cell.metadata["tags"] = ["results"]
    return cell


def test_a_results_cell_needs_output_above_it():
    printed = new_code_cell("print(1)")
    printed.outputs = [nbformat.v4.new_output("stream", name="stdout", text="1\n")]
    silent = new_code_cell("x = 1")
    run = run_of([printed, results("fine"), silent, new_markdown_cell("plain"), results("no")])
    assert run.silent_results() == [4]


def test_a_bar_saved_at_zero_percent_is_reported():
    stale = new_code_cell("")
    stale.outputs = [nbformat.v4.new_output("display_data", data={
        "text/plain": "train:   0%|          | 0/50 [00:00<?, ?it/s]"})]
    done = new_code_cell("")
    done.outputs = [nbformat.v4.new_output("display_data", data={
        "text/plain": "train: 100%|##########| 50/50 [00:00<00:00, 95.27it/s]"})]
    assert run_of([done, stale]).stale_bars() == [1]


def test_the_report_ends_with_the_slowest_chapter_and_flags_the_budget():
    fast, slow = run_of([]), run_of([])
    slow.chapter, slow.seconds = "00_slow", bench.LEARNER_BUDGET + 5
    report = bench.learner_report([fast, slow])
    assert report.splitlines()[-1] == f"slowest chapter: {bench.LEARNER_BUDGET + 5:.0f} s"
    assert "00_slow" in report and "OVER BUDGET" in report


def test_a_finished_bar_is_saved_in_its_final_state(tmp_path):
    nb = new_notebook(cells=[
        new_code_cell("from rnngraded.progress import tqdm\n"
                      "for _ in tqdm(range(20), desc='train'):\n    pass"),
        new_code_cell("for _ in tqdm(range(5), desc='hidden', leave=False):\n    pass"),
    ])
    NotebookClient(nb, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    shown = [o.get("data", {}).get("text/plain", "") for c in nb.cells for o in c.outputs]
    assert any("train: 100%" in text and "20/20" in text for text in shown), shown
    assert not any("0%|" in text and "100%" not in text for text in shown), shown
    assert not any("hidden" in text for text in shown), shown
    assert not run_of(nb.cells).stale_bars()
