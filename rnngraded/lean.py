"""Keep the grader's processes quick to start.

``import nbformat`` imports jsonschema, whose IRI format check imports ``rfc3987_syntax`` when
it is installed (JupyterLab's jupyter-events pulls it in); that module builds 38 parsers at
import time, about 3 s of the grader's, and of every Dask worker's, start. Neither nbformat nor
nbgrader checks string formats (their schemas use none), so the grader's processes go without
it: jsonschema then simply has no IRI check. Import this module before nbformat.
"""

import sys

sys.modules.setdefault("rfc3987_syntax", None)  # None: "import rfc3987_syntax" fails at once
