"""How much work a notebook may do: the full experience, or a reduced budget under grading."""

import os
import sys
import warnings


def autograding() -> bool:
    """True while nbgrader executes the notebook (autograde or validate)."""
    return bool(os.environ.get("NBGRADER_EXECUTION"))


def budget(full, reduced):
    """Return ``reduced`` while grading and ``full`` otherwise.

    >>> steps = budget(full=2000, reduced=100)
    """
    return reduced if autograding() else full


def one_thread() -> None:
    """Run torch on one CPU thread.

    The course's models are small: a second thread buys little on an idle machine and costs a
    lot on a busy one (a cell was measured 20-75x slower with two threads on a loaded two-core
    machine), so a notebook's time does not depend on what else runs. Graded kernels also get
    ``OMP_NUM_THREADS=1`` and the like for numpy's BLAS (rnngraded.sandbox).
    """
    import torch

    torch.set_num_threads(1)


def grading_streams() -> None:
    """Under grading, send stderr to stdout.

    nbgrader scores a test cell 0 as soon as anything in it writes to stderr, so a harmless
    warning from a correct answer would cost its points. The course's tests fail by raising
    instead. Warnings are printed as their category and message only: by default Python
    quotes the source line that raised them, which inside a hidden test is hidden code.
    """
    if autograding():
        sys.stderr = sys.stdout
        warnings.formatwarning = _warning_without_source


def _warning_without_source(message, category, filename, lineno, line=None) -> str:
    return f"{category.__name__}: {message}\n"
