"""How much work a notebook may do: the full experience, or a reduced budget under grading."""

import os


def autograding() -> bool:
    """True while nbgrader executes the notebook (autograde or validate)."""
    return bool(os.environ.get("NBGRADER_EXECUTION"))


def budget(full, reduced):
    """Return ``reduced`` while grading and ``full`` otherwise.

    >>> steps = budget(full=2000, reduced=100)
    """
    return reduced if autograding() else full
