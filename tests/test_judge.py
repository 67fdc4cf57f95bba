"""Evidence and judgement (rnngraded.evidence in the kernel, rnngraded.judge in the grader):
how a split hidden test is taken apart, what crosses from the kernel, and how it is decided."""

from __future__ import annotations

import json

import numpy as np
import pytest
import torch

from rnngraded import evidence, judge

SETUP = "import numpy as np\nimport torch\nprint('setup prints are not imported')\n"
TEST = '''### BEGIN HIDDEN TESTS
from rnngraded import checks, evidence, judge

def _cases(seed):
    rng = np.random.default_rng(seed)
    return [rng.normal(size=(2, 3)) for _ in range(2)]

def _evidence(seed):
    return [evidence.call(double, x.copy()) for x in _cases(seed)]

def _reference(x):
    return 2 * x  # the judge's own reference: never sent to the kernel

def _judge(found, seed):
    for x, record in zip(_cases(seed), found):
        checks.check_close(judge.returned(record, "double"), _reference(x), "double(x)")

judge.run_hidden_tests(_evidence, _judge)
### END HIDDEN TESTS
assert double(np.ones(1))[0] == 2
'''


def kernel_round_trip(code: str, namespace: dict, nonce: str):
    """Run kernel code as the kernel would, catching what it publishes."""
    published = []
    original = evidence.publish
    evidence.publish = lambda data, n: published.append(
        json.dumps({"nonce": n, "evidence": data}))
    try:
        exec(code, namespace)
    finally:
        evidence.publish = original
    return judge.read_payload(published[0], nonce)


def test_kernel_gets_the_evidence_and_what_it_uses_never_the_judgement():
    assert judge.is_split(TEST)
    code = judge.kernel_code(TEST, seed=5, nonce="abc", setup_source=SETUP)
    assert "def _evidence" in code and "def _cases" in code and "import numpy as np" in code
    assert "_judge" not in code and "_reference" not in code and "2 * x" not in code
    assert "run_hidden_tests" not in code and "setup prints" not in code
    assert "run_hidden_tests" not in judge.judge_code(TEST)


@pytest.mark.parametrize("answer, passed, words", [
    ("def double(x):\n    return 2 * x", True, ""),
    ("def double(x):\n    return x + 1", False, "double(x) differs from the reference"),
    ("def double(x):\n    raise NotImplementedError()", False, ""),
    ("def double(x):\n    raise KeyError('oops')", False, "double raised KeyError"),
    ("def double(x):\n    return 'two'", False, "double(x) has shape ()"),
    ("", False, "the test could not call your code: NameError"),
])
def test_verdicts_come_from_the_evidence(answer, passed, words):
    namespace: dict = {}
    exec(answer, namespace)
    found = kernel_round_trip(judge.kernel_code(TEST, 11, "n", SETUP), namespace, "n")
    verdict = judge.decide(TEST, SETUP, found, 11)
    assert verdict.passed is passed, verdict
    assert words in verdict.message
    if "NotImplementedError" in answer:
        assert verdict.ename == "NotImplementedError"


def test_same_seed_same_inputs_other_seed_other_inputs():
    namespace: dict = {"double": lambda x: 2 * x}
    first = kernel_round_trip(judge.kernel_code(TEST, 1, "n", SETUP), namespace, "n")
    again = kernel_round_trip(judge.kernel_code(TEST, 1, "n", SETUP), namespace, "n")
    other = kernel_round_trip(judge.kernel_code(TEST, 2, "n", SETUP), namespace, "n")
    assert np.array_equal(first[0].returned, again[0].returned)
    assert not np.array_equal(first[0].returned, other[0].returned)
    # evidence for one seed does not pass the judgement of another
    assert not judge.decide(TEST, SETUP, first, 2).passed


def test_plain_data_round_trip_keeps_types():
    value = (np.arange(6.0).reshape(2, 3).T, np.float32(1.5), np.int64(3), 4, 2.5, "s", None,
             True, [1, 2], {"k": torch.ones(2, dtype=torch.float64, requires_grad=True)},
             float("nan"))
    back = judge.decode(json.loads(json.dumps(evidence.plain(value))))
    assert isinstance(back, tuple) and np.array_equal(back[0], value[0])
    assert type(back[1]) is np.float32 and type(back[2]) is np.int64
    assert back[3:9] == (4, 2.5, "s", None, True, [1, 2])
    tensor = back[9]["k"]
    assert isinstance(tensor, torch.Tensor) and tensor.dtype == torch.float64
    assert tensor.requires_grad and np.isnan(back[10])
    assert judge.decode(evidence.plain(object())) == judge.Opaque("object")


@pytest.mark.parametrize("payload, words", [
    ("not json", "not valid JSON"),
    (json.dumps({"nonce": "other", "evidence": {"evidence": 1}}), "does not answer this test"),
    (json.dumps({"nonce": "n", "evidence": {"evidence": {"pickle": "gASV"}}}), "unexpected data"),
    (json.dumps({"nonce": "n", "evidence": {"evidence": {"ndarray": "!!"}}}), "could not be read"),
    (json.dumps({"nonce": "n", "evidence": {"evidence": {"ndarray": ""}}}), "could not be read"),
    ('{"nonce": "n", "evidence": {"evidence": ' + "[" * 100_000 + "]" * 100_000 + "}}",
     "nested too deeply"),
])
def test_evidence_that_is_not_plain_data_is_refused(payload, words):
    with pytest.raises(judge.EvidenceError, match=words):
        judge.read_payload(payload, "n")


def test_pickled_arrays_are_refused():
    import base64
    import io

    buffer = io.BytesIO()
    np.save(buffer, np.array([object()], dtype=object), allow_pickle=True)
    text = base64.b64encode(buffer.getvalue()).decode()
    with pytest.raises(judge.EvidenceError, match="could not be read"):
        judge.decode({"ndarray": text})


def test_oversized_evidence_is_refused(monkeypatch):
    monkeypatch.setattr(judge, "MAX_EVIDENCE_BYTES", 100)
    with pytest.raises(judge.EvidenceError, match="more than"):
        judge.read_payload(json.dumps({"nonce": "n", "evidence": {"evidence": "x" * 200}}), "n")


def test_forbidden_layers_are_found_in_the_answers_source():
    source = ("import torch.nn as nn\nfrom torch.nn import LSTM\nclass M(nn.Module):\n"
              "    def __init__(self):\n        self.a = torch.nn.Linear(2, 2)\n"
              "    def forward(self, x):\n        return nn.RNNCell(2, 2)(x)\n")
    assert judge.forbidden_layers_in(source) == ["LSTM", "Linear", "RNNCell"]
    assert judge.forbidden_layers_in("x = nn.Parameter(torch.zeros(2))") == []


GIVEN = '''class Doubler:
    def __call__(self, x):
        return 2 * x

for _epoch in range(10**9):  # an experiment in a given cell: never run by the judge
    break
'''
FIRST = '''### BEGIN HIDDEN TESTS
from rnngraded import judge

def _cases(seed):
    return [np.full((2, 2), float(seed))]

def _shared_reference(x):
    return Doubler()(x)

def _evidence(seed):
    return 1

def _judge(found, seed):
    pass
### END HIDDEN TESTS
'''
LATER = '''### BEGIN HIDDEN TESTS
from rnngraded import checks, evidence, judge

def _cases(seed):  # replaces the earlier test's _cases
    return [np.full((3,), float(seed))]

def _evidence(seed):
    return [evidence.call(double, x) for x in _cases(seed)]

def _judge(found, seed):
    for x, record in zip(_cases(seed), found):
        checks.check_close(judge.returned(record, "double"), _shared_reference(x), "double(x)")
### END HIDDEN TESTS
'''


def test_later_tests_use_earlier_helpers_and_the_given_cells():
    shared = judge.shared_code([GIVEN], [FIRST])
    assert "class Doubler" in shared and "_shared_reference" in shared
    assert "_epoch" not in shared and "def _evidence" not in shared and "def _judge" not in shared
    code = judge.kernel_code(LATER, 3, "n", SETUP, shared)
    assert "_shared_reference" not in code and "Doubler" not in code
    assert code.count("def _cases") == 1 and "np.full((3,)" in code
    namespace: dict = {"double": lambda x: 2 * x}
    found = kernel_round_trip(code, namespace, "n")
    assert found[0].returned.shape == (3,)
    assert judge.decide(LATER, SETUP, found, 3, shared=shared).passed
    namespace["double"] = lambda x: x
    found = kernel_round_trip(code, namespace, "n")
    assert "differs" in judge.decide(LATER, SETUP, found, 3, shared=shared).message


def test_a_failed_call_quotes_its_argument_shapes():
    record = judge.Record({"raised": evidence.raised(ValueError("bad shapes"))})
    with pytest.raises(AssertionError, match=r"f raised ValueError: bad shapes \(called with "
                                             r"argument shapes \(2, 3\), int\): check W"):
        judge.returned(record, "f", "check W", args=(np.zeros((2, 3)), 4))


def test_a_subclass_of_the_expected_error_counts():
    class ShapeError(ValueError):
        pass

    data = json.loads(json.dumps(evidence.raised(ShapeError("no"))))
    judge.expect_raised(judge.Record({"raised": data}), "ValueError", "an empty mask")
    with pytest.raises(AssertionError, match="expected TypeError"):
        judge.expect_raised(judge.Record({"raised": data}), "TypeError", "an empty mask")


PARTS_TEST = '''### BEGIN HIDDEN TESTS
from rnngraded import checks, evidence, judge

def _evidence(seed):
    return {"main": evidence.call(safe_divide, np.array([6.0]), np.array([3.0])),
            "zero": evidence.call(safe_divide, np.array([1.0]), np.array([0.0]))}

def _judge(found, seed):
    with judge.part("main behaviour", 2):
        checks.check_close(judge.returned(found["main"], "safe_divide"), np.array([2.0]), "a / b")
    with judge.part("division by zero", 1):
        checks.check_close(judge.returned(found["zero"], "safe_divide"), np.array([0.0]),
                           "a / 0", hint="the convention is 0 where b == 0")
### END HIDDEN TESTS
'''


@pytest.mark.parametrize("answer, passed, fraction, words", [
    ("def safe_divide(a, b):\n    return np.where(b == 0, 0.0, a / np.where(b == 0, 1, b))",
     True, 0.0, ""),
    ("def safe_divide(a, b):\n    return a / b", False, 2 / 3,
     "[division by zero] a / 0 contains inf or nan: the convention is 0"),
    ("def safe_divide(a, b):\n    return a * 0 + 1", False, 0.0, "[main behaviour]"),
    ("def safe_divide(a, b):\n    raise NotImplementedError()", False, 0.0, ""),
])
def test_parts_earn_their_share_of_the_points(answer, passed, fraction, words):
    namespace: dict = {"np": np}
    exec(answer, namespace)
    found = kernel_round_trip(judge.kernel_code(PARTS_TEST, 3, "n", SETUP), namespace, "n")
    verdict = judge.decide(PARTS_TEST, SETUP, found, 3)
    assert verdict.passed is passed, verdict
    assert verdict.fraction == pytest.approx(fraction)
    assert words in verdict.message, verdict.message
    if 0 < fraction < 1:
        assert "(passed: main behaviour)" in verdict.message


def test_partial_credit_is_what_nbgrader_reads_as_the_cells_points():
    from nbformat import NotebookNode
    from nbgrader.utils import determine_grade

    from rnngraded import grading, notebooks

    cell = NotebookNode(cell_type="code", source="", outputs=[], metadata=NotebookNode(
        nbgrader=NotebookNode(grade=True, solution=False, locked=True, points=3,
                              grade_id="safe_divide_tests")))
    verdict = judge.Verdict(False, "AssertionError", "[division by zero] a / 0 is nan", 2 / 3)
    cell.outputs = grading.verdict_outputs(cell, verdict)
    assert determine_grade(cell) == (2.0, 3.0)
    nb = NotebookNode(cells=[cell])
    assert notebooks.error_messages(nb)["safe_divide_tests"].startswith(
        "PartialCredit: 2 of 3 points.\n[division by zero] a / 0 is nan")
    cell.outputs = grading.verdict_outputs(cell, judge.Verdict(False, "AssertionError", "no", 0))
    assert determine_grade(cell) == (0, 3.0)
    cell.outputs = grading.verdict_outputs(cell, judge.Verdict(True))
    assert determine_grade(cell) == (3.0, 3.0)


def test_the_instructors_run_fails_on_a_failed_part():
    def nan_at_zero(a, b):
        return np.where(b == 0, np.nan, a / np.where(b == 0, 1, b))

    namespace: dict = {"np": np, "safe_divide": nan_at_zero}
    exec(compile("import numpy as np\nfrom rnngraded import checks, evidence, judge\n" +
                 judge.judge_code(PARTS_TEST), "<t>", "exec"), namespace)
    with pytest.raises(AssertionError, match="67% of the points"):
        judge.run_hidden_tests(namespace["_evidence"], namespace["_judge"], seed=1)


def test_non_finite_numpy_floats_survive_the_round_trip():
    sent = evidence.plain([np.float64(-np.inf), np.float64(np.nan), float("inf")])
    got = judge.decode(json.loads(json.dumps(sent)))
    assert got[0] == -np.inf and np.isnan(got[1]) and got[2] == np.inf
