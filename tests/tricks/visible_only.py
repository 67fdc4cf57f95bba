# ruff: noqa
# family: answers hard-coded for the visible tests
# base: reference
# Right only where the visible test asks: each graded function answers correctly when called
# from a line of the visible test the student sees, and gives up everywhere else.
import linecache as _linecache
import sys as _sys

_VISIBLE = set(__VISIBLE__)


def _wrap(f):
    if not callable(f):
        return f

    def only_visible(*a, **k):
        frame = _sys._getframe(1)
        line = _linecache.getline(frame.f_code.co_filename, frame.f_lineno).strip()
        if line in _VISIBLE:
            return f(*a, **k)
        raise NotImplementedError("hard-coded for the visible test only")

    return only_visible


for _n in __NAMES__:
    if _n in globals():
        globals()[_n] = _wrap(globals()[_n])
