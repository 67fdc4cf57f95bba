"""How much work a notebook may do: the full experience, or a reduced budget under grading."""

import os
import sys


def autograding() -> bool:
    """True while nbgrader executes the notebook (autograde or validate)."""
    return bool(os.environ.get("NBGRADER_EXECUTION"))


def budget(full, reduced):
    """Return ``reduced`` while grading and ``full`` otherwise.

    >>> steps = budget(full=2000, reduced=100)
    """
    return reduced if autograding() else full


def grading_streams() -> None:
    """Under grading, send stderr to stdout.

    nbgrader scores a test cell 0 as soon as anything in it writes to stderr, so a harmless
    warning from a correct answer would cost its points. The course's tests fail by raising
    instead; warnings still show in the feedback, on stdout.
    """
    if autograding():
        sys.stderr = sys.stdout
