# nbgrader configuration for "Recurrent Neural Networks, graded".
# Read by every nbgrader command run from this folder (and copied into scratch courses).
c = get_config()  # noqa: F821  (nbgrader provides get_config)

# Course identity; the gradebook is gradebook.db beside this file (not committed).
c.CourseDirectory.course_id = "rnn-graded"
# The exchange, where released chapters wait for learners' Assignment Lists and their
# submissions arrive (`make lab` fills it; `make collect` moves submissions to submitted/).
import os  # noqa: E402

c.Exchange.root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "exchange")

# Per-cell time limit while grading. Under autograding (NBGRADER_EXECUTION set) our slowest
# cell takes a few seconds; 60 s leaves room for a slow laptop while a runaway loop is cut off
# (the cell is interrupted, recorded as an error, and grading goes on).
c.ExecutePreprocessor.timeout = 60
c.ExecutePreprocessor.interrupt_on_timeout = True
# Starting the kernel imports nothing heavy, but allow a loaded machine time to start it.
c.ExecutePreprocessor.startup_timeout = 120

# A cell that floods its output is truncated instead of bloating the autograded notebook.
c.LimitOutput.max_lines = 500
c.LimitOutput.max_traceback = 60

# A student who deletes a test or read-only cell gets it back: autograde restores it from
# the gradebook, so it is graded instead of silently scoring zero.
c.OverwriteCells.add_missing_cells = True

# What a blank exercise looks like in the student version.
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"

# Feedback shows each test's verdict and message, never hidden-test source or data: the
# course's preprocessor keeps only the verdict of test cells, drops what the submission's code
# printed, and cuts any solution or hidden-test line the grader knows from what remains.
from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor  # noqa: E402
from nbgrader.preprocessors import GetGrades  # noqa: E402

from rnngraded.feedback import HideHiddenTests  # noqa: E402

c.GenerateFeedback.preprocessors = [GetGrades, HideHiddenTests, CSSHTMLHeaderPreprocessor]
# Equations render without a network: nbgrader's feedback page with a MathJax loader that reads
# the copy `make feedback` puts in feedback/mathjax/ (or, for a page Jupyter serves, the copy
# jupyter-server-mathjax serves). Set for the feedback's exporter only; formgrader keeps its own.
from rnngraded.feedback import template_basedirs  # noqa: E402

c.GenerateFeedback.HTMLExporter.template_name = "rnngraded_feedback"
c.GenerateFeedback.HTMLExporter.extra_template_basedirs = template_basedirs()

# Grading that cannot be fooled or broken (rnngraded/grading.py, rnngraded/sandbox.py,
# rnngraded/judge.py): every kernel runs in its own disposable sandbox that sees only its
# notebook; the kernel is asked for each hidden test's evidence and the grader judges it; the
# executor caps output and time, and survives a dead or stuck kernel by grading the rest of the
# notebook in a fresh sandbox.
from nbconvert.preprocessors import ClearMetadataPreprocessor  # noqa: E402
from nbgrader.preprocessors import (  # noqa: E402
    AssignLatePenalties,
    CheckCellMetadata,
    ClearOutput,
    DeduplicateIds,
    IgnorePattern,
    LimitOutput,
    OverwriteCells,
    OverwriteKernelspec,
    SaveAutoGrades,
)

from rnngraded.grading import GuardedExecute, RestoreCellFlags, RestoreLockedCells  # noqa: E402

c.Autograde.sanitize_preprocessors = [
    ClearOutput, DeduplicateIds, OverwriteKernelspec, RestoreCellFlags, OverwriteCells,
    RestoreLockedCells, CheckCellMetadata,
]
c.Autograde.autograde_preprocessors = [
    GuardedExecute, IgnorePattern, ClearMetadataPreprocessor, LimitOutput, SaveAutoGrades,
    AssignLatePenalties, CheckCellMetadata,
]
# Limits of one submission's sandbox.
c.GuardedExecute.memory_limit_mb = 4096  # address space of each process
c.GuardedExecute.max_processes = 128  # processes and threads
c.GuardedExecute.scratch_mb = 256  # its only writable folder (and largest file)
c.GuardedExecute.notebook_timeout = 1200  # seconds for the whole notebook
c.GuardedExecute.max_output_chars = 200_000  # per cell
# A graded kernel is disposable: kill it at the end instead of asking it to shut down (the
# polite way made a kernel wait 2.5 s for its own exit in two runs out of three).
c.GuardedExecute.shutdown_kernel = "immediate"
