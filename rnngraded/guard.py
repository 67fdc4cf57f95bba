"""The grading kernel's guard: tests see the libraries as they were before any student code ran.

Autograding runs a submission's code and the hidden tests in one Python process. A submission
could rebind what the tests rely on (``np.allclose = lambda *a, **k: True``,
``checks.check_close = ...``, ``torch.Tensor.__sub__ = ...``, ``builtins.isinstance = ...``) or
hide the tests' failures (IPython input transformers, ``set_custom_exc``, event callbacks,
``sys.excepthook``, ``sys.settrace``, patched ``run_cell``).

The grader (:class:`rnngraded.grading.GuardedExecute`) loads this module into the kernel as an
IPython extension when the kernel starts, before any notebook cell. :func:`install` then

* imports numpy, torch and the course package and records, for every module of those and of
  IPython/ipykernel, the module's namespace and the namespace of every class defined there.

Before each locked cell (setup and test cells) the grader calls :func:`restore`, which puts every
recorded name back, drops IPython hooks added since, and rebinds the names the locked cells
defined (``np``, ``checks``, ...) in the notebook's namespace. After each test cell it calls
:func:`audit`: anything changed *while the test ran* (by the submission's functions, which the
tests call) is listed, and the grader voids that test. Both are reached through a kernel
request's ``user_expressions`` (plain ``eval``), which no input transformer, event callback or
custom exception handler sees.

This is a defence against the tricks in tests/tricks/, not a sandbox: code in the same process
can always find and undo it (see README, "Grading that cannot be fooled").
"""

from __future__ import annotations

import builtins
import os
import sys
import types
import warnings

PREFIXES = ("numpy", "torch", "rnngraded", "IPython", "ipykernel", "builtins", "math",
            "operator")
# Names IPython or the libraries change on their own while cells run.
VOLATILE = {"_", "__", "___", "_oh", "_ih", "_ii", "_iii", "Out", "In", "_dh", "_i"}
# Builtins the tests call; a notebook-level function or class of the same name would shadow them.
SENSITIVE_BUILTINS = (
    "isinstance", "issubclass", "type", "float", "int", "bool", "len", "abs", "max", "min",
    "all", "any", "print", "AssertionError", "Exception", "BaseException", "tuple", "list",
    "dict", "set", "range", "zip", "enumerate", "getattr", "hasattr", "sorted", "sum", "round",
    "str", "repr", "super", "object", "__import__", "__build_class__", "ValueError",
    "TypeError", "NotImplementedError", "callable", "iter", "next", "map", "filter",
)
IMMUTABLE_TYPE = 1 << 8  # Py_TPFLAGS_IMMUTABLETYPE: C types whose attributes cannot be set

_state: dict | None = None


# Public corners of torch that tests do not use and that torch changes lazily as it runs
# (compiler caches, profilers, distributed registries).
UNWATCHED = ("torch.compiler", "torch.distributed", "torch.fx", "torch.export", "torch.onnx",
             "torch.profiler", "torch.utils", "torch.autograd.profiler", "torch.cuda",
             "torch.backends", "torch.ao", "torch.jit", "torch.package", "torch.mps",
             "torch.xpu", "torch.accelerator")


def _monitored(name: str) -> bool:
    """Modules whose namespaces are recorded: the public modules of numpy, torch, the course
    package, IPython and ipykernel (a private module such as ``numpy._core`` or
    ``torch._dynamo`` holds implementation state that changes as the libraries run)."""
    parts = name.split(".")
    if parts[0] not in PREFIXES or any(p.startswith("_") for p in parts[1:]):
        return False
    return not any(name == u or name.startswith(u + ".") for u in UNWATCHED)


def _import_course_modules() -> None:
    import importlib

    for name in ("numpy", "numpy.linalg", "numpy.testing", "torch", "torch.nn",
                 "torch.nn.functional", "torch.testing", "rnngraded", "rnngraded.checks",
                 "rnngraded.budget", "rnngraded.data", "rnngraded.plotting"):
        try:
            importlib.import_module(name)
        except Exception:  # a course without torch (or a chapter without plots) still grades
            pass


def _shell():
    try:
        from IPython import get_ipython
    except ImportError:
        return None
    return get_ipython()


def _snapshot_objects() -> tuple[dict, dict]:
    modules, classes = {}, {}
    for name, module in list(sys.modules.items()):
        if (module is None or not _monitored(name) or name == __name__
                or not isinstance(module, types.ModuleType)):
            continue
        namespace = dict(vars(module))
        modules[id(module)] = (name, module, namespace)
        for value in namespace.values():
            if (isinstance(value, type) and not value.__flags__ & IMMUTABLE_TYPE
                    and _monitored(getattr(value, "__module__", None) or "")):
                classes[id(value)] = (value, dict(vars(value)))
    return modules, classes


def _shell_state(shell) -> dict:
    if shell is None:
        return {}
    state = {
        "input_transformers_cleanup": list(shell.input_transformers_cleanup),
        "input_transformers_post": list(shell.input_transformers_post),
        "ast_transformers": list(shell.ast_transformers),
        "events": {name: list(callbacks) for name, callbacks in shell.events.callbacks.items()},
        "instances": {},
    }
    kernel = getattr(shell, "kernel", None)
    for key, obj in (("shell", shell), ("kernel", kernel), ("displayhook", shell.displayhook),
                     ("display_pub", shell.display_pub), ("compile", shell.compile)):
        if obj is not None and hasattr(obj, "__dict__"):
            state["instances"][key] = (obj, dict(vars(obj)))
    return state


def install(shell=None) -> None:
    """Record the pristine state (once per kernel)."""
    global _state
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _import_course_modules()
        modules, classes = _snapshot_objects()
    shell = shell or _shell()
    _state = {
        "modules": modules,
        "classes": classes,
        "sys_modules": {name: module for _, (name, module, _) in modules.items()},
        "shell": _shell_state(shell),
        "hooks": {"excepthook": sys.excepthook, "displayhook": sys.displayhook,
                  "breakpointhook": sys.breakpointhook},
        "protected": {},  # names the locked cells bound in the notebook namespace
    }


def load_ipython_extension(shell) -> None:
    install(shell)


# --- comparing with the pristine state, and putting it back ---------------------------------


def _fix_namespace(label: str, target, saved: dict, changes: list[str], set_item) -> None:
    current = vars(target)
    for key, value in saved.items():
        if key in VOLATILE or _private(key):
            continue
        now = current.get(key, _MISSING)
        if now is value or _same_method(now, value):
            continue
        if _plain_data(value) and _plain_data(now):
            continue  # caches, flags and names the libraries update themselves
        if _library_wrapper(now, value):
            saved[key] = now  # e.g. torch wrapping manual_seed or an optimizer's step lazily
            continue
        changes.append(f"{label}.{key}")
        set_item(key, value)


_MISSING = object()


PLAIN = (str, bytes, int, float, bool, type(None), list, dict, set, tuple, frozenset)


def _plain_data(value) -> bool:
    return type(value) in PLAIN


def _library_wrapper(new, old) -> bool:
    """``new`` wraps ``old`` (``functools.wraps``) with code from the libraries themselves."""
    inner, seen = new, 0
    while seen < 10 and inner is not old:
        inner = getattr(inner, "__wrapped__", None)
        if inner is None:
            return False
        seen += 1
    if inner is not old:
        return False
    code = getattr(getattr(new, "__func__", new), "__code__", None)
    return code is not None and _in_libraries(code.co_filename)


def _in_libraries(filename: str) -> bool:
    folders = []
    for package in ("torch", "numpy", "IPython", "ipykernel"):
        module = sys.modules.get(package)
        if module is not None and getattr(module, "__file__", None):
            folders.append(os.path.dirname(os.path.abspath(module.__file__)) + os.sep)
    return os.path.abspath(filename).startswith(tuple(folders))


def _private(name: str) -> bool:
    """``_name`` (not ``__dunder__``): the libraries' own caches and lazily set flags, which
    change legitimately while tests run (torch's serialization and profiler state, ...)."""
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _same_method(a, b) -> bool:
    """Bound methods are made afresh on each attribute access: compare what they bind."""
    return (isinstance(a, types.MethodType) and isinstance(b, types.MethodType)
            and a.__func__ is b.__func__ and a.__self__ is b.__self__)


def _set_module(module):
    return lambda key, value: module.__dict__.__setitem__(key, value)


def _set_class(cls):
    return lambda key, value: setattr(cls, key, value)


def _trusted(callback) -> bool:
    """A callback the plotting or widget libraries registered (e.g. matplotlib's inline
    backend flushing figures after each cell)."""
    code = getattr(getattr(callback, "__func__", callback), "__code__", None)
    if code is None:
        return False
    folders = []
    for package in ("matplotlib", "matplotlib_inline", "ipywidgets", "IPython", "ipykernel"):
        module = sys.modules.get(package)
        if module is not None and getattr(module, "__file__", None):
            folders.append(os.path.dirname(os.path.abspath(module.__file__)) + os.sep)
    return os.path.abspath(code.co_filename).startswith(tuple(folders))


def _check_shell(state: dict, changes: list[str]) -> None:
    shell = _shell()
    if shell is None or not state:
        return
    for attr in ("input_transformers_cleanup", "input_transformers_post", "ast_transformers"):
        current = getattr(shell, attr)
        if list(current) != state[attr] or any(a is not b for a, b in zip(current, state[attr],
                                                                           strict=False)):
            changes.append(f"IPython {attr}")
            current[:] = state[attr]
    for name, callbacks in shell.events.callbacks.items():
        saved = state["events"].get(name, [])
        added = [c for c in callbacks if c not in saved and not _trusted(c)]
        if added or any(c not in callbacks for c in saved):
            changes.append(f"IPython event {name}")
            callbacks[:] = saved + [c for c in callbacks if c not in saved and _trusted(c)]
    if shell.custom_exceptions:
        changes.append("IPython custom exception handler")
        shell.custom_exceptions = ()
    for label, (obj, saved) in state["instances"].items():
        current = vars(obj)
        for key in list(current):
            if key not in saved and callable(getattr(type(obj), key, None)):
                changes.append(f"{label}.{key}")
                del current[key]
        for key, value in saved.items():
            now = current.get(key, _MISSING)
            if callable(value) and now is not value and not _same_method(now, value):
                changes.append(f"{label}.{key}")
                current[key] = value
    if sys.modules.get("builtins") is not builtins:
        sys.modules["builtins"] = builtins


def _check(restore_names: bool) -> list[str]:
    if _state is None:
        return ["the guard was not installed"]
    changes: list[str] = []
    if sys.gettrace() is not None:
        changes.append("sys.settrace")
        sys.settrace(None)
    if sys.getprofile() is not None:
        changes.append("sys.setprofile")
        sys.setprofile(None)
    for name, value in _state["hooks"].items():
        if getattr(sys, name) is not value:
            changes.append(f"sys.{name}")
            setattr(sys, name, value)
    for name, module, saved in _state["modules"].values():
        _fix_namespace(name, module, saved, changes, _set_module(module))
    for cls, saved in _state["classes"].values():
        _fix_namespace(f"{cls.__module__}.{cls.__qualname__}", cls, saved, changes,
                       _set_class(cls))
    for name, module in _state["sys_modules"].items():
        if sys.modules.get(name, module) is not module:
            changes.append(f"sys.modules[{name!r}]")
            sys.modules[name] = module
    _check_shell(_state["shell"], changes)
    shell = _shell()
    if shell is not None:
        user_ns = shell.user_ns
        if user_ns.get("__builtins__", builtins) not in (builtins, vars(builtins)):
            changes.append("__builtins__")
            user_ns["__builtins__"] = builtins
        for name in SENSITIVE_BUILTINS:
            value = user_ns.get(name, _MISSING)
            if value is not _MISSING and value is not getattr(builtins, name) and callable(value):
                changes.append(f"a notebook-level {name}")
                if restore_names:
                    del user_ns[name]
        for name, value in _state["protected"].items():
            if user_ns.get(name, _MISSING) is not value:
                changes.append(f"the notebook's {name}")
                user_ns[name] = value
    return changes


def restore() -> str:
    """Before a locked cell: put back everything recorded. Returns what had changed."""
    return "; ".join(dict.fromkeys(_check(restore_names=True)))


def audit() -> str:
    """After a test cell: what changed while it ran (then put back). Empty when nothing."""
    return "; ".join(dict.fromkeys(_check(restore_names=True)))


def protect(names: list[str]) -> str:
    """After a locked cell: remember the values it bound to ``names`` in the notebook."""
    shell = _shell()
    if shell is None or _state is None:
        return ""
    for name in names:
        if name in shell.user_ns:
            _state["protected"][name] = shell.user_ns[name]
    return ",".join(sorted(_state["protected"]))
