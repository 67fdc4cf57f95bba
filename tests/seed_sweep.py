"""Does a variant's grade depend on the grading seed?

Hidden tests draw a fresh seed per grading. A correct answer must pass on every seed and a
classic bug should lose the same parts on every seed, or its points (and the trick
catalogue's baseline) change between regrades. This runs a chapter's reference notebook once
in an IPython shell (``NBGRADER_EXECUTION`` set, hidden tests skipped), then, for every
variant, runs each split test's evidence and judgement on many seeds in that shell, and
reports the variants whose set of failed parts changes with the seed.

    python tests/seed_sweep.py 06_applications --seeds 200 [--cell hit_at_k]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402
from rnngraded import course, evidence, judge, notebooks  # noqa: E402


def _shell():
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    shell.run_cell("import matplotlib; matplotlib.use('Agg')")
    return shell


def _run(shell, code: str, where: str) -> None:
    result = shell.run_cell(code, silent=True)
    if not result.success:
        raise RuntimeError(f"{where} failed: {result.error_in_exec or result.error_before_exec}")


def _split_tests(nb) -> dict[str, str]:
    """The hidden region of each split test cell, by the solution cell it tests."""
    tests = {}
    for cell in nb.cells:
        if notebooks.is_autograded_test(cell):
            region = judge.hidden_region(cell.source)
            if region and judge.is_split(cell.source):
                tests[notebooks.grade_id(cell).removesuffix("_tests")] = region
    return tests


def _capture(shell, region: str, cell: str) -> tuple:
    """Run a test's hidden region (its own helpers replace any of the same name that a later
    test defined) and return its (evidence, judgement) functions."""
    captured = {}
    shell.user_ns["_sweep_capture"] = lambda ev, jd: captured.update(ev=ev, jd=jd)
    code = region.replace("judge.run_hidden_tests(", "_sweep_capture(")
    _run(shell, code, f"{cell}'s hidden test")
    return captured["ev"], captured["jd"]


def _failed_parts(test: tuple, seed: int, answer_source: str, cell: str) -> tuple:
    evidence_function, judge_function = test
    try:
        data = json.loads(json.dumps({"evidence": evidence.plain(evidence_function(seed))}))
        judge._answers.clear()
        judge._answers[cell] = answer_source
        judge._parts.clear()
        judge_function(judge.decode(data["evidence"]), seed)
    except Exception as err:  # the whole cell lost
        return (f"whole cell: {type(err).__name__}",)
    return tuple(label for label, _, message in judge._parts if message is not None)


def sweep(chapter: str, seeds: int, only: str | None = None) -> list[str]:
    os.environ["NBGRADER_EXECUTION"] = "autograde"
    source = course.source_notebook(harness.ROOT, chapter)
    shell = _shell()
    _run(shell, f"import os; os.chdir({str(harness.ROOT / 'source' / chapter)!r})", "chdir")
    for index, cell in enumerate(source.cells):
        if cell.cell_type == "code" and not notebooks.is_autograded_test(cell):
            _run(shell, cell.source, f"cell {index}")
    tests = _split_tests(source)
    shell.user_ns["_sweep_capture"] = lambda ev, jd: None
    for cell, region in tests.items():  # helpers that later tests share
        _run(shell, region.replace("judge.run_hidden_tests(", "_sweep_capture("), f"{cell}'s test")
    answers = harness.solutions(chapter)
    unstable = []
    for variant in harness.variants(chapter):
        if only and variant.cell != only or variant.cell not in tests:
            continue
        code = variant.path.read_text()
        _run(shell, code, variant.name)
        test = _capture(shell, tests[variant.cell], variant.cell)
        outcomes = defaultdict(list)
        for seed in range(seeds):
            outcomes[_failed_parts(test, seed, code, variant.cell)].append(seed)
        _run(shell, answers[variant.cell], f"{variant.cell}'s reference")
        line = f"{variant.cell}/{variant.name}: " + "; ".join(
            f"{list(parts) or 'passed'} on {len(s)} seeds (e.g. {s[0]})"
            for parts, s in outcomes.items())
        print(line, flush=True)
        if len(outcomes) > 1 or (not variant.is_bug and () not in outcomes):
            unstable.append(line)
    return unstable


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("chapters", nargs="*", default=harness.CHAPTERS)
    parser.add_argument("--seeds", type=int, default=100)
    parser.add_argument("--cell")
    args = parser.parse_args()
    unstable = [line for chapter in args.chapters for line in sweep(chapter, args.seeds, args.cell)]
    print("\nseed-dependent or failing correct variants:" if unstable
          else "\nevery variant is seed-stable")
    print("\n".join(unstable))
    return 1 if unstable else 0


if __name__ == "__main__":
    sys.exit(main())
