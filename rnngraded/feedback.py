"""Feedback that keeps hidden tests hidden.

nbgrader renders the autograded notebook as feedback, hidden tests included, and the
tracebacks of failed tests quote the hidden code line by line. ``HideHiddenTests`` runs inside
``nbgrader generate_feedback`` (see nbgrader_config.py): in every autograded test cell it
replaces each hidden region by a one-line note and cuts each error to its type and message,
which the course's tests write for the student.
"""

import re

from nbgrader.preprocessors import NbGraderPreprocessor

HIDDEN_REGION = re.compile(r"[ \t]*### BEGIN HIDDEN TESTS.*?### END HIDDEN TESTS[ \t]*\n?", re.S)
HIDDEN_NOTE = "# (hidden tests ran here; their messages are shown below)\n"


def hide_hidden_tests(cell) -> None:
    """Remove hidden-test source and tracebacks from one autograded test cell, in place."""
    meta = cell.get("metadata", {}).get("nbgrader", {})
    if cell.get("cell_type") != "code" or not meta.get("grade") or meta.get("solution"):
        return
    cell.source = HIDDEN_REGION.sub(HIDDEN_NOTE, cell.source)
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            output["traceback"] = [f"{output.get('ename')}: {output.get('evalue')}"]


class HideHiddenTests(NbGraderPreprocessor):
    """nbgrader preprocessor for feedback: see :func:`hide_hidden_tests`."""

    def preprocess_cell(self, cell, resources, cell_index):
        hide_hidden_tests(cell)
        return cell, resources
