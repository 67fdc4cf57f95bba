"""Reading and editing nbgrader notebooks by grade_id."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat import NotebookNode

AS_VERSION = 4


def read(path: str | Path) -> NotebookNode:
    return nbformat.read(str(path), as_version=AS_VERSION)


def write(nb: NotebookNode, path: str | Path) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))


def lab_metadata() -> dict:
    """The notebook metadata JupyterLab sets when it opens a notebook with this environment's
    kernel. A committed notebook that already holds it opens unchanged: nothing to autosave."""
    from ipykernel.ipkernel import IPythonKernel

    return {"kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python",
                           "name": "python3"},
            "language_info": dict(IPythonKernel.language_info)}


def stamp_lab_metadata(path: str | Path) -> bool:
    """Give a stored notebook JupyterLab's metadata; True if the file changed."""
    nb = read(path)
    wanted = lab_metadata()
    if all(nb.metadata.get(key) == value for key, value in wanted.items()):
        return False
    nb.metadata.update(nbformat.from_dict(wanted))
    write(nb, path)
    return True


def nbgrader_meta(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def grade_id(cell) -> str | None:
    return nbgrader_meta(cell).get("grade_id")


def cells_by_id(nb: NotebookNode) -> dict[str, NotebookNode]:
    return {grade_id(c): c for c in nb.cells if grade_id(c)}


def is_autograded_answer(cell) -> bool:
    """A code cell the student fills in (its tests live in other cells)."""
    meta = nbgrader_meta(cell)
    return cell.cell_type == "code" and meta.get("solution", False) and not meta.get("grade", False)


def is_autograded_test(cell) -> bool:
    meta = nbgrader_meta(cell)
    return cell.cell_type == "code" and meta.get("grade", False) and not meta.get("solution", False)


def is_manual_answer(cell) -> bool:
    meta = nbgrader_meta(cell)
    return meta.get("solution", False) and meta.get("grade", False)


def answer_ids(nb: NotebookNode) -> list[str]:
    """grade_ids of every cell a student writes in, autograded or manual, in notebook order."""
    return [grade_id(c) for c in nb.cells if nbgrader_meta(c).get("solution", False)]


def autograded_answer_ids(nb: NotebookNode) -> list[str]:
    return [grade_id(c) for c in nb.cells if is_autograded_answer(c)]


def with_answers(release: NotebookNode, answers: dict[str, str]) -> NotebookNode:
    """A copy of the release notebook with the given cells' sources replaced."""
    nb = nbformat.from_dict(release)
    cells = cells_by_id(nb)
    unknown = set(answers) - set(cells)
    if unknown:
        raise KeyError(f"no cell with grade_id {sorted(unknown)} in the notebook")
    for cell_id, text in answers.items():
        cells[cell_id].source = text
    return nb


def strip_outputs(nb: NotebookNode) -> NotebookNode:
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    return nb


# The first word of a partly passed test's output (rnngraded.grading.partial_credit_outputs).
PARTIAL_CREDIT = "PartialCredit"


def is_partial_credit(output) -> bool:
    """An output the grader wrote for a partly passed test."""
    return (output.get("output_type") == "stream"
            and str(output.get("text", "")).startswith(PARTIAL_CREDIT + ":"))


def error_messages(nb: NotebookNode) -> dict[str, str]:
    """For each graded cell that raised, ``"ErrorName: message"``; for each that earned partial
    credit, ``"PartialCredit: N of M points."`` and the failed parts' messages."""
    messages = {}
    for cell in nb.cells:
        cell_id = grade_id(cell)
        if not cell_id or cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                messages[cell_id] = f"{output.get('ename')}: {output.get('evalue')}".strip()
            elif is_partial_credit(output):
                messages[cell_id] = str(output["text"]).strip()
    return messages


# Error names rnngraded.grading writes for faults, with what each means in plain words.
FAULT_NAMES = {
    "KernelDied": "the kernel died",
    "CellTimeoutError": "a cell ran past the time limit",
    "NotebookTimeout": "the notebook ran past its time limit",
    "MemoryError": "a cell ran out of memory",
    "OutputFlood": "a cell flooded its output",
    "EvidenceError": "a test got no usable evidence from the kernel",
    "UnjudgedTest": "a test cell of the course is not written as evidence and judgement",
}


def faults(nb: NotebookNode) -> list[str]:
    """Plain reasons for what went wrong while grading ``nb`` (from the autograded notebook):
    dead kernels, timeouts, memory, output floods, missing or malformed evidence."""
    found = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        where = grade_id(cell) or f"cell {index + 1}"
        for output in cell.get("outputs", []):
            kind = output.get("output_type")
            if kind == "error" and output.get("ename") in FAULT_NAMES:
                found.append(f"{where}: {output.get('evalue') or FAULT_NAMES[output['ename']]}")
            elif kind == "error" and "DefaultCPUAllocator" in str(output.get("evalue", "")):
                found.append(f"{where}: ran out of memory ({output.get('evalue')})")
            elif kind == "stream" and "[OutputFlood:" in output.get("text", ""):
                text = output["text"]
                found.append(f"{where}: output flood, "
                             + text[text.index("[OutputFlood:") + 14:].split("]")[0])
    return found
