"""What runs in the student's kernel when a hidden test is graded: the evidence.

A hidden test is split in two (see :mod:`rnngraded.judge`). Its *evidence* function runs in the
sandboxed kernel: it builds inputs from a seed the grader sends with the request, calls the
student's functions and classes, and returns what came back. :func:`plain` turns that into
plain data, and :func:`publish` hands it to the grader as one JSON document: numbers, strings,
lists, dicts, arrays and tensors as ``.npy`` bytes (no pickle), the names and messages of
exceptions. No object, code or verdict leaves the kernel; the grader believes nothing but the
data, and decides outside.

Nothing here is trusted: a submission can replace any of it, and then only sends other data.
"""

from __future__ import annotations

import base64
import io
import json
import math

MIME = "application/vnd.rnngraded.evidence+json"
MAX_MESSAGE = 2000  # characters of an exception message kept
MAX_DEPTH = 8


class Recorded(dict):
    """A record that is plain data already (from :func:`call`, :func:`attempt`, :func:`lookup`):
    :func:`plain` passes it through."""


def _npy(array) -> str:
    import numpy as np

    buffer = io.BytesIO()
    array = np.asarray(array)
    np.save(buffer, array if array.flags.c_contiguous else array.copy(order="C"),
            allow_pickle=False)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def plain(value, depth: int = 0):
    """``value`` as JSON-ready data (see the module's docstring); unknown objects become
    ``{"object": <type name>}``."""
    import sys

    if depth > MAX_DEPTH:
        return {"object": "too deeply nested"}
    if isinstance(value, Recorded):
        return dict(value)
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value if abs(value) < 2**63 else {"object": "int too large"}
    if isinstance(value, float):
        return value if math.isfinite(value) else {"float": repr(float(value))}
    numpy = sys.modules.get("numpy")
    torch = sys.modules.get("torch")
    if numpy is not None and isinstance(value, numpy.ndarray):
        if value.dtype.hasobject:
            return {"object": "ndarray of Python objects",
                    "items": plain(value.tolist(), depth + 1)}
        return {"ndarray": _npy(value)}
    if numpy is not None and isinstance(value, numpy.generic):
        return {"scalar": _npy(numpy.asarray(value))}
    if torch is not None and isinstance(value, torch.Tensor):
        tensor = value.detach().cpu()
        if tensor.dtype == torch.bfloat16:
            tensor = tensor.float()
        found = {"tensor": _npy(tensor.resolve_conj().resolve_neg().numpy()),
                 "dtype": str(value.dtype).replace("torch.", ""),
                 "requires_grad": bool(value.requires_grad),
                 "type": type(value).__name__}
        return found
    if isinstance(value, tuple):
        return {"tuple": [plain(v, depth + 1) for v in value]}
    if isinstance(value, list):
        return [plain(v, depth + 1) for v in value]
    if isinstance(value, dict):
        return {"dict": [[plain(k, depth + 1), plain(v, depth + 1)] for k, v in value.items()]}
    if isinstance(value, BaseException):
        return raised(value)
    return {"object": type(value).__name__}


def raised(error: BaseException) -> dict:
    """An exception as plain data: its type's name, message, and the names of the classes it
    derives from (so that a subclass of ValueError counts as a ValueError)."""
    kinds = [cls.__name__ for cls in type(error).__mro__ if cls not in (object, BaseException)]
    return {"raised": type(error).__name__, "message": str(error)[:MAX_MESSAGE],
            "kinds": kinds[:20]}


def call(function, *args, **kwargs) -> dict:
    """Call the student's ``function``: what it returned (or raised), and every argument as it
    is afterwards (to see whether the function changed its inputs)."""
    try:
        result = function(*args, **kwargs)
    except Exception as error:
        return Recorded(raised=raised(error), args_after=plain(list(args)))
    return Recorded(returned=plain(result), args_after=plain(list(args)))


def attempt(thunk) -> dict:
    """``{"returned": thunk()}`` or ``{"raised": ...}``, for steps that are not one call."""
    try:
        return Recorded(returned=plain(thunk()))
    except Exception as error:
        return Recorded(raised=raised(error))


def construct(cls, *args, **kwargs) -> tuple[dict, object]:
    """Build the student's ``cls(*args, **kwargs)``: a record of whether it is an ``nn.Module``
    (or what it raised), and the live object (None if it raised) for the evidence to call."""
    try:
        made = cls(*args, **kwargs)
    except Exception as error:
        return Recorded(raised=raised(error)), None
    import torch.nn as nn

    return Recorded(returned={"dict": [["is_module", isinstance(made, nn.Module)],
                                       ["type", type(made).__name__]]}), made


def lookup(namespace: dict, name: str) -> dict:
    """A variable of the notebook, or a record that it is not defined."""
    if name not in namespace:
        return Recorded(raised={"raised": "NameError", "message": f"name {name!r} is not defined"})
    return Recorded(returned=plain(namespace[name]))


def publish(data, nonce: str) -> None:
    """Send the evidence to the grader, as display data the notebook does not keep."""
    from IPython.display import publish_display_data

    publish_display_data({MIME: json.dumps({"nonce": nonce, "evidence": data})})


def collect(evidence_function, seed: int, nonce: str) -> None:
    """Run a test's evidence function and publish what it returned, or why it could not run
    (the student's name is missing, the code raised outside a recorded call)."""
    try:
        data = {"evidence": plain(evidence_function(seed))}
    except Exception as error:
        data = {"failed": raised(error)}
    publish(data, nonce)


FORBIDDEN_LAYERS = ("RNN", "LSTM", "GRU", "RNNCell", "LSTMCell", "GRUCell", "Linear")


def layers_used(model, run, forbidden=FORBIDDEN_LAYERS) -> Recorded:
    """Which of torch.nn's ready-made layers ``model`` holds, and which ``run()`` (a forward
    pass) calls: their class names, for the grader to judge."""
    import torch.nn as nn

    classes = {getattr(nn, name) for name in forbidden}
    contains = sorted({type(m).__name__ for m in model.modules() if type(m) in classes})
    called: set[str] = set()
    originals = {cls: cls.forward for cls in classes}

    def spy(original):
        def forward(self, *args, **kwargs):
            called.add(type(self).__name__)
            return original(self, *args, **kwargs)
        return forward

    try:
        for cls in classes:
            cls.forward = spy(originals[cls])
        run()
    except Exception:
        pass
    finally:
        for cls, forward in originals.items():
            cls.forward = forward
    return Recorded(returned={"dict": [["contains", contains], ["called", sorted(called)]]})
