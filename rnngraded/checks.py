"""Friendly checks for the tests in the notebooks.

Each check raises ``AssertionError`` with a message in the student's terms: what was
expected, what came back, and where to look. Relative errors follow the usual convention
``max |a - e| / max(1e-8, |a| + |e|)``.

Imported in a notebook's kernel, this module also shortens tracebacks (:func:`short_traceback`):
an error shows the lines of the student's own cells that led to it and its message, not the
frames of the course's helpers or of libraries, and an exercise not started says so in one line.
That is what the notebook, nbgrader's Validate button and the feedback show.
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Callable, Iterable

import numpy as np


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" or word.startswith("nd") else "a"


def _kind(value) -> str:
    if value is None:
        return "None"
    name = type(value).__name__
    return f"{_article(name)} {name}"


def _type_name(kind: type) -> str:
    """numpy's scalar families under the Python names a student knows."""
    return {np.integer: "int", np.floating: "float", np.bool_: "bool"}.get(kind, kind.__name__)


def _with_hint(message: str, hint: str) -> str:
    return f"{message}: {hint}" if hint else message


def _plain(value):
    """``value`` as plain numbers (float64 ndarray or nested lists of them), without running
    any code that ``value``'s class defines.

    A submission's result could otherwise lie while it is converted: an ``__array__``,
    ``__float__`` or ``shape`` that reads the expected answer from the checking code's frame,
    an ndarray subclass overriding ``dtype``, a tensor subclass with ``__torch_function__``.
    Only the data of numpy arrays and scalars, torch tensors, Python numbers and lists or
    tuples of these are read, through their base classes' own methods.
    """
    kind = type(value)
    if issubclass(kind, np.ndarray):
        if np.ndarray.dtype.__get__(value).hasobject:
            items = [_plain(item) for item in np.ndarray.tolist(value)]
            return np.array(items, dtype=np.float64)
        return np.array(value, dtype=np.float64, copy=True, subok=False)
    if kind in (bool, int, float) or (issubclass(kind, np.generic) and kind.__module__ == "numpy"):
        return np.array(value, dtype=np.float64)
    if issubclass(kind, float):  # a float subclass (np.float64 subclasses too): its C value
        return np.array(float.__float__(value), dtype=np.float64)
    if issubclass(kind, int):
        return np.array(int.__index__(value), dtype=np.float64)
    if issubclass(kind, np.generic):
        return np.array(np.generic.item(value), dtype=np.float64)
    torch = sys.modules.get("torch")
    if torch is not None and issubclass(kind, torch.Tensor):
        with torch._C.DisableTorchFunctionSubclass():
            tensor = torch.Tensor.detach(value)
            tensor = torch.Tensor.to(tensor, device="cpu", dtype=torch.float64)
            return np.array(torch.Tensor.numpy(tensor), dtype=np.float64, copy=True)
    if issubclass(kind, (list, tuple)):
        items = list.__iter__(value) if issubclass(kind, list) else tuple.__iter__(value)
        return np.array([_plain(item) for item in items], dtype=np.float64)
    raise TypeError(f"not numbers: {kind.__name__}")


def to_numpy(value, name: str) -> np.ndarray:
    """A plain float64 copy of ``value`` (numpy array, torch tensor, list or number)."""
    try:
        array = _plain(value)
    except (TypeError, ValueError, RuntimeError) as err:
        raise AssertionError(
            f"{name} should be an array of numbers, got {type(value).__name__}"
        ) from err
    return array.view(np.ndarray)


def rel_error(actual, expected) -> float:
    """Largest element-wise relative error between two arrays of the same shape."""
    a = to_numpy(actual, "actual")
    e = to_numpy(expected, "expected")
    if a.size == 0:
        return 0.0
    return float(np.max(np.abs(a - e) / np.maximum(1e-8, np.abs(a) + np.abs(e))))


def check_type(value, types, name: str, hint: str = "") -> None:
    if not issubclass(type(value), types):  # type(), not isinstance: __class__ can lie
        kinds = (types,) if isinstance(types, type) else types
        wanted = " or ".join(dict.fromkeys(_type_name(t) for t in kinds))
        raise AssertionError(_with_hint(f"{name} should be {_article(wanted)} {wanted}, got "
                                        f"{_kind(value)}", hint))


def _shape(value) -> tuple:
    try:
        return _plain(value).shape
    except (TypeError, ValueError, RuntimeError):
        return tuple(getattr(value, "shape", np.shape(value)))


def check_shape(value, expected_shape, name: str, hint: str = "") -> None:
    shape = tuple(_shape(value))
    expected_shape = tuple(expected_shape)
    if shape != expected_shape:
        message = f"{name} has shape {shape}, expected {expected_shape}"
        raise AssertionError(_with_hint(message, hint))


def check_finite(value, name: str, hint: str = "") -> None:
    array = to_numpy(value, name)
    if not np.all(np.isfinite(array)):
        bad = int(np.sum(~np.isfinite(array)))
        raise AssertionError(_with_hint(f"{name} has {bad} entries that are inf or nan", hint))


def check_close(actual, expected, name: str, hint: str = "", tol: float = 1e-7) -> None:
    """Shapes equal and relative error at most ``tol`` (entries near zero compared absolutely)."""
    e = to_numpy(expected, "expected")
    check_shape(actual, e.shape, name, hint)
    a = to_numpy(actual, name)
    if a.shape != e.shape:  # the data's own shape, whatever ``actual`` claimed
        raise AssertionError(_with_hint(f"{name} has shape {a.shape}, expected {e.shape}", hint))
    if a.size == 0:
        return
    if not np.all(np.isfinite(a)):
        raise AssertionError(_with_hint(f"{name} contains inf or nan", hint))
    abs_err = np.abs(a - e)
    rel = abs_err / np.maximum(1e-8, np.abs(a) + np.abs(e))
    bad = (rel > tol) & (abs_err > tol)
    if np.any(bad):
        where = np.unravel_index(int(np.argmax(np.where(bad, abs_err, -1.0))), a.shape)
        index = tuple(int(i) for i in where)
        raise AssertionError(
            _with_hint(
                f"{name} differs from the reference (relative error {float(np.max(rel)):.1e}; "
                f"at index {index} got {a[where]:.6g}, expected {e[where]:.6g})",
                hint,
            )
        )


def check_scalar(actual, expected: float, name: str, hint: str = "", tol: float = 1e-9) -> float:
    """``actual`` is one real number (Python, numpy or 0-d tensor) close to ``expected``."""
    if type(actual) is bool or np.ndim(to_numpy(actual, name)) != 0:
        raise AssertionError(
            _with_hint(f"{name} should be a single number, got {type(actual).__name__} "
                       f"of shape {np.shape(to_numpy(actual, name))}", hint)
        )
    value = float(to_numpy(actual, name))
    if not math.isfinite(value):
        raise AssertionError(_with_hint(f"{name} is {value}, expected {expected:.6g}", hint))
    if abs(value - expected) > tol * max(1.0, abs(expected)):
        raise AssertionError(_with_hint(f"{name} is {value:.10g}, expected {expected:.10g}", hint))
    return value


def check_integer(actual, expected: int, name: str, hint: str = "") -> None:
    kind = type(actual)
    if kind is bool or not issubclass(kind, (int, np.integer)):
        raise AssertionError(f"{name} should be an int, got {kind.__name__} {actual!r}")
    # The value itself, through the base class (an int subclass could lie in __int__/__eq__).
    value = int.__index__(actual) if issubclass(kind, int) else int(np.generic.item(actual))
    if value != int(expected):
        raise AssertionError(_with_hint(f"{name} is {value}, expected {int(expected)}", hint))


def snapshot(*arrays) -> list[np.ndarray]:
    """Copies of the arguments, to check later that a function left them unchanged."""
    return [to_numpy(a, "argument") for a in arrays]


def check_unchanged(before: Iterable[np.ndarray], after: Iterable, names: Iterable[str],
                    function: str) -> None:
    for old, new, name in zip(before, after, names, strict=True):
        if not np.array_equal(old, to_numpy(new, name), equal_nan=True):
            raise AssertionError(
                f"{function} changed its argument {name} in place; graded functions must not "
                f"mutate their inputs (work on a copy, or build new arrays)"
            )


def distinct_sizes(rng: np.random.Generator, count: int = 4, low: int = 2, high: int = 9
                   ) -> list[int]:
    """``count`` different sizes in ``[low, high]``, so a swapped axis cannot go unnoticed."""
    return [int(v) for v in rng.choice(np.arange(low, high + 1), size=count, replace=False)]


def call(function: Callable, *args, name: str | None = None, hint: str = "", **kwargs):
    """Call the student's function; turn a crash into a message that shows the inputs' shapes.

    ``NotImplementedError`` passes through unchanged: the exercise is simply not done yet.
    """
    label = name or getattr(function, "__name__", "the function")
    try:
        return function(*args, **kwargs)
    except NotImplementedError:
        raise
    except Exception as err:
        shapes = ", ".join(
            f"{tuple(a.shape)}" if hasattr(a, "shape") else type(a).__name__ for a in args
        )
        raise AssertionError(_with_hint(
            f"{label} raised {type(err).__name__}: {err} (called with argument shapes {shapes})",
            hint,
        )) from err


def check_raises(function: Callable, error: type[BaseException], what: str, *args, **kwargs):
    """``function(*args)`` must raise ``error``; ``what`` describes the situation."""
    try:
        result = function(*args, **kwargs)
    except error:
        return
    except NotImplementedError:
        raise
    except Exception as err:
        raise AssertionError(
            f"{what}: expected {error.__name__}, but got {type(err).__name__}: {err}"
        ) from err
    raise AssertionError(f"{what}: expected {error.__name__}, but it returned {result!r}")


FORBIDDEN_LAYER_NAMES = ("RNN", "LSTM", "GRU", "RNNCell", "LSTMCell", "GRUCell", "Linear")


def check_no_forbidden_layers(model, run: Callable[[], object],
                              forbidden: Iterable[str] = FORBIDDEN_LAYER_NAMES) -> None:
    """``model`` holds none of the forbidden ``torch.nn`` layers and ``run()`` calls none.

    ``run`` is a zero-argument callable that exercises the model (e.g. a forward pass); while
    it runs, every forbidden layer's ``forward`` raises, so a layer built on the fly is caught.
    """
    import torch.nn as nn

    classes = {getattr(nn, layer) for layer in forbidden}
    used = sorted({type(m).__name__ for m in model.modules() if type(m) in classes})
    if used:
        raise AssertionError(
            f"{type(model).__name__} contains nn.{', nn.'.join(used)}; this exercise builds the "
            f"layer from nn.Parameter and tensor operations only"
        )
    originals = {cls: cls.forward for cls in classes}

    def refuse(self, *args, **kwargs):
        raise AssertionError(
            f"{type(model).__name__} called nn.{type(self).__name__} during forward; build the "
            f"recurrence from nn.Parameter and tensor operations only"
        )

    try:
        for cls in classes:
            cls.forward = refuse
        run()
    finally:
        for cls, forward in originals.items():
            cls.forward = forward


def close(actual, expected, tol: float = 1e-7) -> bool:
    """True when ``actual`` has ``expected``'s shape and matches it within ``tol``; for
    telling which mistake a wrong answer comes from."""
    try:
        check_close(actual, expected, "value", tol=tol)
    except AssertionError:
        return False
    return True


# --- short tracebacks in the notebook ---------------------------------------------------------

NOT_DONE = "not done yet: the starter still raises NotImplementedError"
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_CHAIN = ("direct cause of the following exception", "During handling of the above exception")
MAX_FRAMES = 2  # the line that called, and the line of the student's function that raised


def _is_cell_frame(entry: str) -> bool:
    """IPython names a frame of a notebook cell "Cell In[n], line m"."""
    return _ANSI.sub("", entry).lstrip().startswith("Cell In[")


def short_traceback(ename: str, evalue: str, traceback: list[str]) -> list[str]:
    """Of an IPython traceback, the frames in notebook cells (of the last exception in a
    chain, the last two) and the message."""
    if ename == "NotImplementedError":
        return [NOT_DONE]
    start = max((i for i, entry in enumerate(traceback) if any(c in entry for c in _CHAIN)),
                default=-1)
    frames = [entry for entry in traceback[start + 1:] if _is_cell_frame(entry)]
    return [*frames[-MAX_FRAMES:], f"{ename}: {evalue}"]


def _show_short_traceback(shell, etype, value, tb, tb_offset=None):
    full = shell.InteractiveTB.structured_traceback(etype, value, tb, tb_offset=tb_offset)
    short = short_traceback(etype.__name__, str(value), full)
    shell._showtraceback(etype, value, short)
    return short


def _use_short_tracebacks() -> None:
    shell = getattr(sys.modules.get("IPython"), "get_ipython", lambda: None)()
    if shell is not None and hasattr(shell, "set_custom_exc"):
        shell.set_custom_exc((Exception,), _show_short_traceback)


_use_short_tracebacks()
