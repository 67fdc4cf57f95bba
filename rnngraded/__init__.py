"""Helpers for the course *Recurrent Neural Networks, graded*.

The notebooks import this package for task data (:mod:`rnngraded.data`), the plot style
(:mod:`rnngraded.plotting`), friendly checks (:mod:`rnngraded.checks`) and the grading
budget (:mod:`rnngraded.budget`). The instructor and learner commands live in
:mod:`rnngraded.cli`. Nothing here solves an exercise.
"""

from rnngraded.budget import autograding, budget, grading_streams, one_thread

__all__ = ["autograding", "budget", "grading_streams", "one_thread"]
__version__ = "0.1.0"
