"""Feedback that keeps hidden tests hidden.

nbgrader renders the autograded notebook as feedback, hidden tests included, with everything
the kernel printed: tracebacks quoting hidden code, warnings that print the test line that
raised them, and whatever a submission's own code found and printed. ``HideHiddenTests`` runs
inside ``nbgrader generate_feedback`` (see nbgrader_config.py) and keeps only what the student
is meant to read:

* test cells show their visible part and their verdict (the error's type and message, which
  the course's tests write for the student); hidden regions become a one-line note;
* other code cells show the student's code without its outputs (they were printed while the
  hidden tests were in the kernel, so they are not the grader's to repeat);
* as a last line, any line of solution or hidden-test text the trusted side knows is cut from
  what remains.
"""

from __future__ import annotations

import re
from pathlib import Path

from nbformat import NotebookNode
from nbgrader.preprocessors import NbGraderPreprocessor

from rnngraded import notebooks

HIDDEN_REGION = re.compile(r"[ \t]*### BEGIN HIDDEN TESTS.*?### END HIDDEN TESTS[ \t]*\n?", re.S)
SECRET_REGION = re.compile(r"### BEGIN (SOLUTION|HIDDEN TESTS)\n(.*?)### END \1", re.S)
HIDDEN_NOTE = "# (hidden tests ran here; their verdict is shown below)\n"
OUTPUTS_NOTE = ("[the outputs of your code are not repeated in the feedback: run the notebook "
                "to see them]")
SCRUBBED = "[hidden]"
MIN_SECRET = 12  # shorter lines (`return h`, `else:`) say nothing and occur everywhere


def is_test(cell) -> bool:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return cell.get("cell_type") == "code" and meta.get("grade") and not meta.get("solution")


def verdict(cell) -> list[NotebookNode]:
    """A test cell's outputs reduced to its verdict: the error, if it failed, as one line; the
    points and the failed parts' messages, if it passed in part."""
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            line = f"{output.get('ename')}: {output.get('evalue')}"
            return [NotebookNode(output_type="error", ename=output.get("ename"),
                                 evalue=output.get("evalue"), traceback=[line])]
        if notebooks.is_partial_credit(output):
            return [NotebookNode(output_type="stream", name="stdout", text=output["text"])]
    return []


def secret_lines(*sources: str) -> set[str]:
    """Lines found only inside solution or hidden-test regions of the given cell sources."""
    inside, outside = set(), set()
    for text in sources:
        for match in SECRET_REGION.finditer(text):
            inside.update(line.strip() for line in match.group(2).splitlines())
        outside.update(line.strip() for line in SECRET_REGION.sub("", text).splitlines())
    return {line for line in inside - outside if len(line) >= MIN_SECRET}


def scrub(text: str, secrets: set[str]) -> str:
    for line in sorted(secrets, key=len, reverse=True):
        if line in text:
            text = text.replace(line, SCRUBBED)
    return text


def hide_hidden_tests(cell, secrets: set[str] = frozenset()) -> None:
    """Reduce one autograded cell to what its feedback may show, in place."""
    if cell.get("cell_type") != "code":
        return
    if is_test(cell):
        cell.source = HIDDEN_REGION.sub(HIDDEN_NOTE, cell.source)
        cell.outputs = verdict(cell)
    elif cell.get("outputs"):
        cell.outputs = [NotebookNode(output_type="stream", name="stdout",
                                     text=OUTPUTS_NOTE + "\n")]
    for output in cell.outputs:
        if output.get("output_type") == "error":
            output["evalue"] = scrub(str(output.get("evalue", "")), secrets)
            output["traceback"] = [f"{output.get('ename')}: {output['evalue']}"]
        elif notebooks.is_partial_credit(output):
            output["text"] = scrub(output["text"], secrets)


def known_secrets(resources: dict, config) -> set[str]:
    """Solution and hidden-test lines of the notebook being rendered: its test cells as the
    gradebook recorded them, and its solutions from the source notebook."""
    from nbgrader.api import Gradebook
    from nbgrader.coursedir import CourseDirectory

    info = resources.get("nbgrader", {})
    sources = []
    try:
        with Gradebook(info["db_url"]) as gb:
            notebook = gb.find_notebook(info["notebook"], info["assignment"])
            sources += [cell.source for cell in notebook.source_cells]
    except Exception:  # no gradebook entry: the source notebook alone still helps
        pass
    coursedir = CourseDirectory(config=config)
    folder = coursedir.format_path(coursedir.source_directory, ".", info.get("assignment", ""))
    source = Path(folder) / f"{info.get('notebook')}.ipynb"
    if source.is_file():
        import nbformat

        sources += [c.source for c in nbformat.read(str(source), as_version=4).cells]
    return secret_lines(*sources)


class HideHiddenTests(NbGraderPreprocessor):
    """nbgrader preprocessor for feedback: see :func:`hide_hidden_tests`."""

    def preprocess(self, nb, resources):
        secrets = known_secrets(resources, self.config)
        for cell in nb.cells:
            hide_hidden_tests(cell, secrets)
        return nb, resources


# --- equations without a network --------------------------------------------------------------

TEMPLATES = Path(__file__).parent / "templates"  # rnngraded_feedback: nbgrader's, offline MathJax
MATHJAX_FOLDER = "mathjax"
# jupyter-server-mathjax's copy of MathJax, but for the translations of its menus.
MATHJAX_PARTS = ("MathJax.js", "config", "extensions", "jax", "fonts", "localization/en",
                 "LICENSE")


def template_basedirs() -> list[str]:
    """Where nbconvert finds the feedback template: ours first, then nbgrader's."""
    import nbgrader

    formgrader = Path(nbgrader.__file__).parent / "server_extensions" / "formgrader" / "templates"
    return [str(TEMPLATES), str(formgrader)]


def install_mathjax(feedback: Path) -> Path:
    """Copy MathJax beside the feedback pages (feedback/mathjax/), once."""
    import shutil

    import jupyter_server_mathjax

    static = Path(jupyter_server_mathjax.__file__).parent / "static"
    target = feedback / MATHJAX_FOLDER
    if (target / "MathJax.js").is_file():
        return target
    staging = feedback / f".{MATHJAX_FOLDER}-partial"
    shutil.rmtree(staging, ignore_errors=True)
    for part in MATHJAX_PARTS:
        source, destination = static / part, staging / part
        destination.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, destination)
        else:
            shutil.copy2(source, destination)
    staging.rename(target)
    return target
