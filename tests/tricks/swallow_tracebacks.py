# ruff: noqa
# family: swallowed exceptions or tracebacks
# Tracebacks are never shown: IPython's showtraceback and sys.excepthook do nothing.
import sys as _sys

_ip = get_ipython()  # noqa: F821
_ip.showtraceback = lambda *a, **k: None
_ip._showtraceback = lambda *a, **k: None
type(_ip).showtraceback = lambda *a, **k: None
_sys.excepthook = lambda *a: None
