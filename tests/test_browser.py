"""The course in a real browser: Playwright for Python driving Debian's chromium (installed with
apt-get where missing, when running as root; Playwright's own browser download is not used).
Screenshots of each step are saved under test-artifacts/browser/.

* a committed notebook opened in JupyterLab stays unchanged (nothing to autosave);
* a learner runs a chapter (figures, progress bars) and presses Validate;
* the Assignment List fetches a chapter and submits it into the course's exchange;
* formgrader shows the roster's names, and a grade entered there reaches `make table`;
* feedback HTML opened from disk typesets its equations with no network;
* the class report opened from disk shows its figures with no network.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

import harness
from rnngraded import course, lab, notebooks

pytestmark = pytest.mark.slow

CHAPTER = "01_rnn_basics"
ARTIFACTS = harness.ROOT / "test-artifacts" / "browser"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]


def install_chromium() -> str:
    """Debian's chromium, installed with apt-get if it is missing (as root)."""
    if Path(CHROMIUM).exists():
        return CHROMIUM
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        pytest.fail(f"no {CHROMIUM}: install it with `apt-get install chromium` (the browser "
                    f"tests drive Debian's chromium)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update"],
                    ["apt-get", "install", "-y", "--no-install-recommends", "chromium"]):
        result = subprocess.run(command, env=env, capture_output=True, text=True)
        assert result.returncode == 0, (result.stdout + result.stderr)[-2000:]
    return CHROMIUM


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    executable = install_chromium()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.remote = []  # every request that left the machine's files
    page.on("request", lambda r: None if r.url.startswith(("file:", "data:", "about:",
                                                           "http://127.0.0.1"))
            else page.remote.append(r.url))
    yield page
    context.close()


def shot(page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


# --- a class, graded, with feedback and the report ---------------------------------------------


@pytest.fixture(scope="module")
def demo_class(tmp_path_factory):
    """One chapter of the course with `demo` run (feedback, report)."""
    folder = tmp_path_factory.mktemp("browser-demo")
    shutil.copy(harness.ROOT / course.CONFIG_FILE, folder)
    for name in ("source", "release", "tests/variants"):
        shutil.copytree(harness.ROOT / name / CHAPTER, folder / name / CHAPTER)
    result = subprocess.run([sys.executable, "-m", "rnngraded", "demo"], cwd=folder,
                            env=course.tool_env(), capture_output=True, text=True, timeout=1200)
    assert result.returncode == 0, result.stdout + result.stderr
    return folder


def test_feedback_typesets_its_equations_without_a_network(page, demo_class):
    html = demo_class / "feedback" / "partial" / CHAPTER / f"{CHAPTER}.html"
    page.goto(html.as_uri())
    page.wait_for_selector(".MathJax_Display", timeout=30_000)
    time.sleep(1)  # let the last equations finish
    typeset = page.evaluate("document.querySelectorAll('.MathJax, .MathJax_Display').length")
    raw = page.evaluate("[...document.querySelectorAll('.text_cell_render, .jp-RenderedMarkdown')]"
                        ".some(e => /\\$\\$|\\\\tanh|\\\\mathbb/.test(e.innerText))")
    page.locator(".MathJax_Display").first.scroll_into_view_if_needed()
    shot(page, "feedback-equations")
    assert typeset > 20, typeset
    assert not raw, "LaTeX left untypeset in the feedback"
    assert page.remote == [], page.remote


def test_class_report_shows_its_figures_without_a_network(page, demo_class):
    page.goto((demo_class / "class_report.html").as_uri())
    images = page.locator("img")
    assert images.count() >= 2
    widths = page.evaluate("[...document.images].map(i => i.complete ? i.naturalWidth : 0)")
    shot(page, "class-report")
    assert all(w > 100 for w in widths), widths
    assert page.remote == [], page.remote


# --- JupyterLab --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def learner_lab(tmp_path_factory):
    """A learner's Lab (make lab) on a scratch course, served on a free port."""
    from test_lab import free_port, start_lab, wait_for_lab

    folder = course.make_scratch_course(harness.ROOT, tmp_path_factory.mktemp("lab"), [CHAPTER])
    work = lab.prepare_learner(folder)
    port = free_port()
    process = start_lab(work, port, home=tmp_path_factory.mktemp("home"))
    try:
        wait_for_lab(port, process)
        yield work, f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=30)


def open_and_settle(page, url: str, path: str) -> bool:
    """Open a notebook in Lab, wait for its kernel; whether Lab then marks it changed."""
    page.goto(f"{url}/lab/tree/{path}?reset&token=t")  # reset: only this notebook open
    page.locator(".jp-NotebookPanel:visible .jp-Cell").first.wait_for(timeout=60_000)
    page.get_by_text("Python 3 (ipykernel) | Idle").wait_for(timeout=120_000)
    time.sleep(4)  # JupyterLab has written the kernel's metadata; it would autosave now
    tab = page.locator(".lm-TabBar-tab[data-type='document-title'].jp-mod-current")
    return "jp-mod-dirty" in (tab.get_attribute("class") or "")


def test_a_committed_notebook_opens_unchanged(page, learner_lab):
    work, url = learner_lab
    notebook = work / CHAPTER / f"{CHAPTER}.ipynb"
    before = notebook.read_bytes()
    changed = open_and_settle(page, url, f"{CHAPTER}/{CHAPTER}.ipynb")
    shot(page, "lab-notebook-opened")
    assert not changed
    assert notebook.read_bytes() == before
    # The control: the same notebook as it was committed before, without language_info.
    stale = notebooks.read(notebook)
    stale.metadata.language_info = {"name": "python"}
    notebooks.write(stale, work / CHAPTER / "stale.ipynb")
    page.goto("about:blank")
    assert open_and_settle(page, url, f"{CHAPTER}/stale.ipynb"), "Lab changes nothing at all?"


def lab_login(page, url: str) -> None:
    """The token, once: Jupyter keeps it in a cookie for the pages that follow."""
    page.goto(f"{url}/lab?reset&token=t")
    page.wait_for_selector("#jp-main-dock-panel", timeout=60_000)


def run_all_and_save(page, saved: Path, seconds: float = 300) -> list:
    """Wait for Run All to reach the last code cell (Lab draws only the cells in view, and the
    kernel is idle for a moment between cells: the saved file tells); its outputs."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        time.sleep(3)
        page.keyboard.press("Control+s")
        time.sleep(1)
        cells = [c for c in notebooks.read(saved).cells if c.cell_type == "code"]
        outputs = [o for c in cells for o in c.get("outputs", [])]
        if cells[-1].execution_count or any(o.output_type == "error" for o in outputs):
            return outputs
    raise AssertionError("Run All did not reach the last cell in time")


def test_run_all_shows_figures_and_progress_and_validate_answers(page, learner_lab):
    """A learner's run of a chapter with every answer in, then the Validate button."""
    work, url = learner_lab
    release = notebooks.read(work / CHAPTER / f"{CHAPTER}.ipynb")
    notebooks.write(notebooks.with_answers(release, harness.solutions(CHAPTER)),
                    work / CHAPTER / "solved.ipynb")
    open_and_settle(page, url, f"{CHAPTER}/solved.ipynb")
    page.get_by_text("Run", exact=True).click()
    page.get_by_text("Run All Cells", exact=True).click()
    saved = work / CHAPTER / "solved.ipynb"
    outputs = run_all_and_save(page, saved)
    figures = page.locator(".jp-OutputArea-output img")
    bars = page.locator(".widget-progress, .widget-hprogress")
    figures.first.scroll_into_view_if_needed()
    shot(page, "lab-run-all-figure")
    bars.first.scroll_into_view_if_needed()
    shot(page, "lab-run-all-progress")
    assert figures.count() >= 1 and bars.count() >= 1, (figures.count(), bars.count())
    assert sum("image/png" in o.get("data", {}) for o in outputs) >= 3
    assert not [o for o in outputs if o.output_type == "error"]
    page.get_by_role("button", name="Validate").click()
    dialog = page.locator(".jp-Dialog")
    dialog.get_by_text("Success", exact=False).wait_for(timeout=300_000)
    shot(page, "lab-validate")
    assert "passes all the tests" in dialog.inner_text()


def test_assignment_list_fetches_and_submits_a_chapter(page, learner_lab):
    work, url = learner_lab
    shutil.rmtree(work / CHAPTER)  # the learner deleted the chapter: fetch it again
    lab_login(page, url)
    page.get_by_text("Nbgrader", exact=True).click()
    page.get_by_text("Assignment List", exact=True).click()
    page.get_by_role("button", name="Fetch").first.wait_for(timeout=60_000)
    shot(page, "assignment-list-released")
    page.get_by_role("button", name="Fetch").first.click()
    page.get_by_role("button", name="Submit").first.wait_for(timeout=60_000)
    assert (work / CHAPTER / f"{CHAPTER}.ipynb").is_file()
    page.get_by_role("button", name="Submit").first.click()
    inbound = work.parent / "exchange" / "rnn-graded" / "inbound"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list(inbound.glob(f"*+{CHAPTER}+*")):
        time.sleep(0.5)
    shot(page, "assignment-list-submitted")
    assert list(inbound.glob(f"*+{CHAPTER}+*")), sorted(p.name for p in inbound.glob("*"))


@pytest.fixture(scope="module")
def instructor_lab(demo_class, tmp_path_factory):
    from test_lab import free_port, start_lab, wait_for_lab

    port = free_port()
    process = start_lab(demo_class, port, home=tmp_path_factory.mktemp("home"))
    try:
        wait_for_lab(port, process)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_formgrader_shows_names_and_its_manual_grade_reaches_the_table(page, demo_class,
                                                                       instructor_lab):
    from nbgrader.api import Gradebook

    url = instructor_lab
    lab_login(page, url)
    page.goto(f"{url}/formgrader/manage_students")
    page.get_by_text("Reference, Ada").wait_for(timeout=60_000)
    shot(page, "formgrader-students")
    assert page.get_by_text("None, None").count() == 0
    with Gradebook(course.db_url(demo_class)) as gb:
        graded = gb.find_submission_notebook(CHAPTER, CHAPTER, "reference")
        notebook_id = graded.id
        written = next(g for g in graded.grades if g.cell.cell_type == "markdown")
        name, points = written.name, written.max_score
    page.goto(f"{url}/formgrader/submissions/{notebook_id}/?index=0")
    box = page.locator(f"input.score#{name}")
    box.wait_for(timeout=60_000)
    box.fill(f"{points:g}")
    box.press("Tab")
    deadline, stored = time.monotonic() + 30, None
    while time.monotonic() < deadline and stored is None:
        with Gradebook(course.db_url(demo_class)) as gb:
            stored = gb.find_grade(name, CHAPTER, CHAPTER, "reference").manual_score
        time.sleep(0.5)
    shot(page, "formgrader-manual-grade")
    assert stored == points
    table = subprocess.run([sys.executable, "-m", "rnngraded", "table"], cwd=demo_class,
                           env=course.tool_env(), capture_output=True, text=True, timeout=300)
    row = next(line for line in table.stdout.splitlines() if line.startswith("reference"))
    assert f"{points:g}/" in row.split()[6], row
