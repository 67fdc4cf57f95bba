"""What decides a hidden test, in the trusted grader: the judgement.

A converted hidden test (the ``### BEGIN HIDDEN TESTS`` region of a test cell) defines

* ``_evidence(seed)``: runs in the student's sandboxed kernel; builds inputs from ``seed`` (the
  grader draws a new one for every grading run) and returns what the student's code gives back,
  through :mod:`rnngraded.evidence` (``evidence.call``, ``evidence.lookup``...);
* ``_judge(found, seed)``: runs here, in the grader; rebuilds the same inputs from ``seed``,
  computes its own references, compares them with ``found`` (the evidence, decoded into plain
  Python values, numpy arrays and torch tensors made here from bytes) and raises
  ``AssertionError`` with a message in the student's terms when the answer is wrong.

A region may also use the helpers that earlier test cells' regions define and the functions and
classes of the course's given cells (:func:`shared_code`). The grader sends the kernel
``_evidence`` and the definitions it uses, nothing else (:func:`kernel_code`); it runs the whole
region here (:func:`judge_code`). A region may end
with ``run_hidden_tests(_evidence, _judge)``, which lets the instructor run the test in their own
kernel; the grader leaves that line out.
"""

from __future__ import annotations

import ast
import base64
import contextlib
import functools
import io
import json
import re
from dataclasses import dataclass

from rnngraded.evidence import (
    FORBIDDEN_LAYERS,
    MIME,  # noqa: F401  (the grader reads evidence under this type)
)

HIDDEN = re.compile(r"### BEGIN HIDDEN TESTS\n(.*?)### END HIDDEN TESTS", re.S)
EVIDENCE, JUDGE, LOCAL_RUN = "_evidence", "_judge", "run_hidden_tests"
MAX_EVIDENCE_BYTES = 64 * 1024 * 1024  # per test, as JSON
MAX_ARRAY_ELEMENTS = 4 * 1024 * 1024


class EvidenceError(Exception):
    """The kernel's answer is missing, malformed or too large."""


@dataclass
class Verdict:
    passed: bool
    ename: str = ""
    message: str = ""
    fraction: float = 0.0  # of the cell's points earned when not passed (partial credit)


# --- partial credit ---------------------------------------------------------------------------

_parts: list[tuple[str, float, str | None]] = []  # (label, weight, failure message or None)


@contextlib.contextmanager
def part(label: str, weight: float = 1.0):
    """One independent check of a judgement, worth ``weight`` shares of the cell's points.

    ``with judge.part("rows with nothing to attend to", 1): ...``: an ``AssertionError`` inside
    costs this part's share only, and its message (prefixed with ``label``) reaches the student;
    the judgement goes on with the next part. Write the main behaviour first, edge cases after.
    Any other failure outside a part still costs the whole cell."""
    if weight <= 0:
        raise ValueError(f"a part's weight must be positive, got {weight}")
    try:
        yield
    except AssertionError as err:
        _parts.append((label, float(weight), str(err)))
    else:
        _parts.append((label, float(weight), None))


def _parts_verdict() -> Verdict:
    """The verdict of a judgement that ran to its end, from the parts it recorded."""
    failed = [(label, message) for label, _, message in _parts if message is not None]
    if not failed:
        return Verdict(True)
    total = sum(weight for _, weight, _ in _parts)
    earned = sum(weight for _, weight, message in _parts if message is None)
    message = "\n".join(f"[{label}] {text}" for label, text in failed)
    if earned:
        passed = [label for label, _, text in _parts if text is None]
        message += "\n(passed: " + "; ".join(passed) + ")"
    return Verdict(False, "AssertionError", message, earned / total)


# --- the test's source ------------------------------------------------------------------------


def hidden_region(source: str) -> str | None:
    match = HIDDEN.search(source)
    return match.group(1) if match else None


def is_split(source: str) -> bool:
    """True for a test cell whose hidden tests are written as evidence and judgement."""
    region = hidden_region(source)
    if region is None:
        return False
    try:
        names = {n.name for n in _parsed(region) if isinstance(n, ast.FunctionDef)}
    except SyntaxError:
        return False
    return {EVIDENCE, JUDGE} <= names


@functools.lru_cache(maxsize=1024)
def _parsed(code: str) -> tuple[ast.stmt, ...]:
    """``code``'s statements, parsed once: a worker grades the same tests for every student."""
    return tuple(ast.parse(code).body)


def _statements(region: str) -> list[ast.stmt]:
    return [s for s in _parsed(region) if not _is_local_run(s)]


def _is_local_run(statement: ast.stmt) -> bool:
    if not (isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call)):
        return False
    func = statement.value.func
    return (isinstance(func, ast.Name) and func.id == LOCAL_RUN) or (
        isinstance(func, ast.Attribute) and func.attr == LOCAL_RUN)


def _defines(statement: ast.stmt) -> set[str]:
    if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return {statement.name}
    if isinstance(statement, (ast.Import, ast.ImportFrom)):
        return {(a.asname or a.name).split(".")[0] for a in statement.names}
    names = set()
    for node in ast.walk(statement):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
    return names


def _uses(statement: ast.stmt) -> set[str]:
    return {n.id for n in ast.walk(statement) if isinstance(n, ast.Name)
            and isinstance(n.ctx, ast.Load)}


def shared_code(given_cells: list[str], earlier_tests: list[str]) -> str:
    """What a test may use besides its own region, as code: the functions and classes of the
    course's given cells (locked, ungraded: ``CopyRNN``, written once for the learner and for the
    grader), and every helper the hidden regions of earlier test cells define, so that a helper
    is written once and used by later tests. A later definition of a name replaces an earlier."""
    return _shared_code(tuple(given_cells), tuple(earlier_tests))


@functools.lru_cache(maxsize=256)
def _shared_code(given_cells: tuple[str, ...], earlier_tests: tuple[str, ...]) -> str:
    pool: dict[str, ast.stmt] = {}
    for source in given_cells:
        try:
            body = _parsed(source)
        except SyntaxError:
            continue
        for statement in body:
            if isinstance(statement, (ast.FunctionDef, ast.ClassDef)):
                _add(pool, statement)
    for source in earlier_tests:
        region = hidden_region(source)
        if region is None:
            continue
        for statement in _statements(region):
            names = _defines(statement)
            if names and not names & {EVIDENCE, JUDGE}:
                _add(pool, statement)
    return "\n\n".join(ast.unparse(s) for s in pool.values())


def _add(pool: dict, statement: ast.stmt) -> None:
    key = (ast.unparse(statement) if isinstance(statement, (ast.Import, ast.ImportFrom))
           else ",".join(sorted(_defines(statement))))
    pool.pop(key, None)  # moved to the end: what follows may build on it
    pool[key] = statement


def _program(source: str, shared: str) -> list[ast.stmt]:
    """The shared statements a test's region does not redefine, then the region's own."""
    own = _statements(hidden_region(source))
    redefined = set().union(*(_defines(s) for s in own
                              if not isinstance(s, (ast.Import, ast.ImportFrom))))
    kept = [s for s in (_parsed(shared) if shared else ())
            if isinstance(s, (ast.Import, ast.ImportFrom)) or not _defines(s) <= redefined]
    return kept + own


def _needed(statements: list[ast.stmt], wanted: set[str]) -> str:
    """The statements that define ``wanted`` and what they use, transitively, in order."""
    needed, wanted = [], set(wanted)
    changed = True
    while changed:
        changed = False
        for statement in statements:
            if statement not in needed and _defines(statement) & wanted:
                needed.append(statement)
                wanted |= _uses(statement)
                changed = True
    return "\n\n".join(ast.unparse(s) for s in statements if s in needed)


def kernel_code(source: str, seed: int, nonce: str, setup_source: str = "",
                shared: str = "") -> str:
    """What the kernel runs for this test: the setup cell's imports (so that ``np`` and the like
    are the real modules), ``_evidence`` and the definitions it needs (by name, transitively, from
    the region and from ``shared``), then the call that publishes its result."""
    body = _evidence_code(source, shared)
    return (f"{setup_imports(setup_source)}\n\n{body}\n\nimport rnngraded.evidence\n"
            f"rnngraded.evidence.collect({EVIDENCE}, {int(seed)}, {nonce!r})\n")


@functools.lru_cache(maxsize=256)
def _evidence_code(source: str, shared: str) -> str:
    return _needed(_program(source, shared), {EVIDENCE})


@functools.lru_cache(maxsize=256)
def judge_code(source: str, shared: str = "") -> str:
    """What the grader runs: the whole region, after the shared definitions it uses."""
    own = _statements(hidden_region(source))
    program = _program(source, shared)
    used = set().union(*(_uses(s) for s in own)) - set().union(*(_defines(s) for s in own))
    return _needed(program[: len(program) - len(own)], used) + "\n\n" + "\n\n".join(
        ast.unparse(s) for s in own)


@functools.lru_cache(maxsize=64)
def setup_imports(setup_source: str) -> str:
    """The import statements of the notebook's setup cell (the judge's namespace)."""
    try:
        tree = ast.parse(setup_source)
    except SyntaxError:
        return ""
    return "\n".join(ast.unparse(s) for s in tree.body if isinstance(s, (ast.Import,
                                                                          ast.ImportFrom)))


# --- the kernel's answer ----------------------------------------------------------------------


def _array(text: str):
    import numpy as np

    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
        array = np.load(io.BytesIO(raw), allow_pickle=False)
    except Exception as err:
        raise EvidenceError(f"an array could not be read ({type(err).__name__})") from None
    if array.size > MAX_ARRAY_ELEMENTS:
        raise EvidenceError(f"an array has {array.size:,} entries, more than the "
                            f"{MAX_ARRAY_ELEMENTS:,} a test accepts")
    return array


def decode(data, depth: int = 0):
    """Plain data from the kernel (see rnngraded.evidence.plain) as Python values, numpy arrays
    and torch tensors built here. Anything else is refused."""
    if depth > 20:
        raise EvidenceError("the evidence is nested too deeply")
    if data is None or isinstance(data, (bool, int, float, str)):
        return data
    if isinstance(data, list):
        return [decode(v, depth + 1) for v in data]
    if not isinstance(data, dict) or len(data) == 0:
        raise EvidenceError(f"unexpected data in the evidence ({type(data).__name__})")
    if "returned" in data or "args_after" in data or isinstance(data.get("raised"), dict):
        return Record(data, depth)
    if "ndarray" in data:
        return _array(data["ndarray"])
    if "scalar" in data:
        return _array(data["scalar"])[()]
    if "tensor" in data:
        import torch

        array = _array(data["tensor"])
        tensor = torch.from_numpy(array.copy())
        dtype = getattr(torch, str(data.get("dtype", "")), None)
        if isinstance(dtype, torch.dtype) and dtype != tensor.dtype:
            tensor = tensor.to(dtype)
        if data.get("requires_grad") and tensor.is_floating_point():
            tensor.requires_grad_(True)
        return tensor
    if "float" in data:
        value = {"nan": float("nan"), "inf": float("inf"), "-inf": float("-inf")}.get(
            str(data["float"]))
        if value is None:
            raise EvidenceError("unexpected float in the evidence")
        return value
    if "tuple" in data:
        return tuple(decode(v, depth + 1) for v in _list(data["tuple"]))
    if "dict" in data:
        pairs = [decode(pair, depth + 1) for pair in _list(data["dict"])]
        if not all(isinstance(p, list) and len(p) == 2 for p in pairs):
            raise EvidenceError("a dict in the evidence is malformed")
        try:
            return {k: v for k, v in pairs}
        except TypeError:
            raise EvidenceError("a dict in the evidence has keys that cannot be keys") from None
    if "raised" in data:
        kinds = data.get("kinds")
        kinds = tuple(str(k) for k in kinds[:20]) if isinstance(kinds, list) else ()
        return Raised(str(data["raised"]), str(data.get("message", "")), kinds)
    if "object" in data:
        return Opaque(str(data["object"]))
    raise EvidenceError(f"unexpected data in the evidence (keys {sorted(data)[:5]})")


def _list(value) -> list:
    if not isinstance(value, list):
        raise EvidenceError("a sequence in the evidence is malformed")
    return value


@dataclass(frozen=True)
class Raised:
    """An exception the student's code raised in the kernel: its type's name and message."""

    name: str
    message: str
    kinds: tuple[str, ...] = ()  # the names of its classes, most derived first

    def __str__(self) -> str:
        return f"{self.name}: {self.message}" if self.message else self.name

    def is_a(self, error: str) -> bool:
        return error == self.name or error in self.kinds


@dataclass(frozen=True)
class Opaque:
    """An object that is not plain data: only its type's name came back."""

    type_name: str


class Record:
    """One call of the student's code (rnngraded.evidence.call/attempt/lookup): what it
    returned or raised, and its arguments afterwards."""

    def __init__(self, data: dict, depth: int = 0):
        self.raised = decode(data["raised"], depth + 1) if "raised" in data else None
        if self.raised is not None and not isinstance(self.raised, Raised):
            raise EvidenceError("a recorded error is malformed")
        self.returned = decode(data.get("returned"), depth + 1)
        after = data.get("args_after")
        self.args_after = decode(after, depth + 1) if after is not None else None


def read_payload(text: str, nonce: str):
    """The evidence in one message from the kernel, checked and decoded."""
    if len(text) > MAX_EVIDENCE_BYTES:
        raise EvidenceError(f"the evidence is {len(text):,} bytes, more than the "
                            f"{MAX_EVIDENCE_BYTES:,} a test accepts")
    try:
        message = json.loads(text)
    except ValueError:
        raise EvidenceError("the evidence is not valid JSON") from None
    except RecursionError:
        raise EvidenceError("the evidence is nested too deeply") from None
    if not isinstance(message, dict) or message.get("nonce") != nonce:
        raise EvidenceError("the evidence does not answer this test")
    body = message.get("evidence")
    if not isinstance(body, dict):
        raise EvidenceError("the evidence is malformed")
    if "failed" in body:
        failed = body["failed"] if isinstance(body["failed"], dict) else {}
        return Raised(str(failed.get("raised", "Error")), str(failed.get("message", "")))
    if "evidence" not in body:
        raise EvidenceError("the evidence is malformed")
    return decode(body["evidence"])


# --- helpers for writing judgements -----------------------------------------------------------


def returned(record, name: str, hint: str = "", args=None):
    """What the student's call returned; a call that raised fails the test with the student's
    own error (``NotImplementedError`` as is: the exercise is not done yet). ``args``: the
    arguments of the call, whose shapes the message then quotes."""
    if isinstance(record, Raised):
        raised = record
    elif isinstance(record, Record):
        if record.raised is None:
            return record.returned
        raised = record.raised
    else:
        raise AssertionError(f"no result was recorded for {name}")
    if raised.name == "NotImplementedError":
        raise NotImplementedError(raised.message)
    message = f"{name} raised {raised}"
    if args is not None:
        message += f" (called with argument shapes {argument_shapes(args)})"
    raise AssertionError(f"{message}: {hint}" if hint else message)


def argument_shapes(args) -> str:
    return ", ".join(str(tuple(a.shape)) if hasattr(a, "shape") else type(a).__name__
                     for a in args)


def expect_raised(record, error: str, what: str) -> None:
    """The student's call must have raised ``error`` (a type's name; a subclass counts);
    ``what`` describes the situation in the message."""
    if isinstance(record, Record) and record.raised is not None:
        if record.raised.name == "NotImplementedError" and error != "NotImplementedError":
            raise NotImplementedError(record.raised.message)
        if not record.raised.is_a(error):
            raise AssertionError(f"{what}: expected {error}, but got {record.raised}")
        return
    if not isinstance(record, Record):
        raise AssertionError(f"no result was recorded for {what}")
    raise AssertionError(f"{what}: expected {error}, but it returned {record.returned!r}")


def args_after(record) -> list:
    if not isinstance(record, Record) or not isinstance(record.args_after, list):
        raise AssertionError("the arguments after the call were not recorded")
    return record.args_after


_answers: dict[str, str] = {}


def answer(grade_id: str) -> str | None:
    """The source of the student's answer cell ``grade_id`` (set by the grader; None when the
    test runs in the instructor's kernel)."""
    return _answers.get(grade_id)


def forbidden_layers_in(source: str | None, forbidden=FORBIDDEN_LAYERS) -> list[str]:
    """The ready-made torch.nn layers an answer's source names (``nn.RNNCell``,
    ``torch.nn.Linear``, ``from torch.nn import LSTM``), parsed, not run."""
    if not source:
        return []
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in forbidden:
            base = node.value
            if (isinstance(base, ast.Name) and base.id == "nn") or (
                    isinstance(base, ast.Attribute) and base.attr == "nn"):
                found.add(node.attr)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("torch.nn"):
            found.update(a.name for a in node.names if a.name in forbidden)
    return sorted(found)


def check_no_forbidden_layers(record, class_name: str, grade_id: str | None = None) -> None:
    """The model holds and calls none of torch.nn's ready-made layers (evidence from
    ``evidence.layers_used``), and the answer's source names none."""
    used = returned(record, class_name)
    contains = list(used.get("contains", [])) if isinstance(used, dict) else []
    called = list(used.get("called", [])) if isinstance(used, dict) else []
    named = forbidden_layers_in(answer(grade_id or class_name))
    if contains:
        raise AssertionError(f"{class_name} contains nn.{', nn.'.join(contains)}; this exercise "
                             f"builds the layer from nn.Parameter and tensor operations only")
    if called or named:
        layer = (called or named)[0]
        raise AssertionError(f"{class_name} {'calls' if called else 'uses'} nn.{layer}; build the "
                             f"recurrence from nn.Parameter and tensor operations only")


# --- deciding ---------------------------------------------------------------------------------


def preload(setup_source: str) -> None:
    """Import the modules a judgement's namespace will need (the setup cell's imports)."""
    try:
        exec(compile(setup_imports(setup_source) + "\nfrom rnngraded import checks\n",
                     "<judge preload>", "exec"), {})
    except Exception:  # the judgement itself will say what is missing
        pass


@functools.lru_cache(maxsize=256)
def _compiled(code: str, filename: str):
    return compile(code, filename, "exec")


def decide(source: str, setup_source: str, found, seed: int,
           answers: dict[str, str] | None = None, shared: str = "") -> Verdict:
    """Run a test's judgement on the decoded evidence ``found``; ``answers``: the sources of
    the student's answer cells, by grade_id (for :func:`answer`); ``shared``: see
    :func:`shared_code`."""
    _answers.clear()
    _answers.update(answers or {})
    _parts.clear()
    namespace: dict = {"__name__": "rnngraded_judgement"}
    exec(_compiled(setup_imports(setup_source) + "\nfrom rnngraded import checks, judge\n",
                   "<judge setup>"), namespace)
    exec(_compiled(judge_code(source, shared), "<hidden test>"), namespace)
    try:
        if isinstance(found, Raised):  # the evidence function itself failed in the kernel
            if found.name == "NotImplementedError":
                raise NotImplementedError(found.message)
            raise AssertionError(f"the test could not call your code: {found}")
        namespace[JUDGE](found, seed)
    except NotImplementedError as err:
        return Verdict(False, "NotImplementedError", str(err))
    except AssertionError as err:
        return Verdict(False, "AssertionError", str(err))
    except EvidenceError as err:
        return Verdict(False, "EvidenceError", str(err))
    except Exception as err:  # the answer's data made the judgement itself fail
        return Verdict(False, "AssertionError", f"your answer could not be checked: "
                                                f"{type(err).__name__}: {err}")
    return _parts_verdict()


def run_hidden_tests(evidence_function, judge_function, seed: int | None = None) -> None:
    """For the instructor, in the source notebook: run a split test in this kernel, through the
    same plain-data round trip as grading. Under grading this line is not run."""
    import random

    from rnngraded import evidence

    seed = random.randrange(2**31) if seed is None else seed
    data = json.loads(json.dumps({"evidence": evidence.plain(evidence_function(seed))}))
    _parts.clear()
    judge_function(decode(data["evidence"]), seed)
    verdict = _parts_verdict()
    if not verdict.passed:
        raise AssertionError(f"{verdict.fraction:.0%} of the points: {verdict.message}")
