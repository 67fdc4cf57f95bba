"""The course's autograde executor: nbgrader's ``Execute``, in a sandbox, hardened against faults.

nbgrader_config.py puts :class:`GuardedExecute` in place of ``Execute`` in the autograde
preprocessors. On top of nbgrader's behaviour it

* starts every kernel in its own disposable sandbox (:mod:`rnngraded.sandbox`): the submission
  sees its notebook and nothing else of the course, and everything it starts ends with it;
* decides every hidden test here, outside the kernel: the kernel is asked for the test's
  evidence (plain data, :mod:`rnngraded.evidence`), the grader judges it (:mod:`rnngraded.judge`)
  and writes the verdict as the test cell's only output, so nothing the submission prints,
  returns or patches in its own process can pass a test;
* caps each cell's output (``max_output_chars``) and the notebook's wall time
  (``notebook_timeout``), and says which cell hit which limit and why that usually happens;
* survives a dead kernel (``os._exit``, a segfault, a limit of the sandbox) and a runaway cell
  that ignores the interrupt: a fresh sandbox is started and the notebook run again without
  the offending cell, so every other exercise still earns its points.

Every fault is written into the autograded notebook as an error output whose name is one of
:data:`FAULTS` and whose message says what happened in plain words; ``make grade`` reports
them (rnngraded.cli).
"""

from __future__ import annotations

import asyncio
import secrets
import signal
import threading
import time

from nbclient.exceptions import DeadKernelError
from nbclient.util import ensure_async, run_sync
from nbformat import NotebookNode
from nbgrader.preprocessors import Execute, NbGraderPreprocessor
from nbgrader.utils import is_grade, is_locked, is_solution
from traitlets import Bool, Integer

from rnngraded import judge, notebooks, sandbox, timing
from rnngraded.notebooks import FAULT_NAMES

FAULTS = FAULT_NAMES  # error names the grader writes into a notebook, for the grade report
SIGNALS = {signal.SIGSEGV: "a segmentation fault (SIGSEGV)", signal.SIGKILL:
           "SIGKILL (usually the system running out of memory)",
           signal.SIGABRT: "an abort (SIGABRT)", signal.SIGBUS: "a bus error (SIGBUS)",
           signal.SIGXCPU: "the CPU time limit (SIGXCPU)",
           signal.SIGXFSZ: "the file size limit (SIGXFSZ)"}
# What a timed-out cell usually means, in the student's terms.
SLOW_CAUSES = ("look for a loop that never ends, a Python loop over the elements of an array "
               "where one vectorised operation would do, or an experiment run at a larger size "
               "than the notebook asks for")
SLOW_CELL = ("under grading, experiments run on a reduced budget and the reference solution "
             f"finishes each cell well within the limit; {SLOW_CAUSES}")


class _EvidenceTimeout(Exception):
    """The kernel did not finish a test's evidence within the cell's time limit."""


class KernelFault(Exception):
    """The kernel is gone, stuck or out of memory after running cell ``index``."""

    def __init__(self, index: int, reason: str, ename: str = "KernelDied"):
        super().__init__(reason)
        self.index = index
        self.reason = reason
        self.ename = ename


def error_output(ename: str, evalue: str) -> NotebookNode:
    return NotebookNode(output_type="error", ename=ename, evalue=evalue,
                        traceback=[f"{ename}: {evalue}"])


def partial_credit_outputs(points: float, verdict: judge.Verdict) -> list[NotebookNode]:
    """What nbgrader reads as partial credit: the failed parts' messages on stdout, then the
    points earned as the cell's result (nbgrader's ``determine_grade``)."""
    earned = round(points * verdict.fraction, 2)
    text = f"{notebooks.PARTIAL_CREDIT}: {earned:g} of {points:g} points.\n{verdict.message}\n"
    return [NotebookNode(output_type="stream", name="stdout", text=text),
            NotebookNode(output_type="execute_result", execution_count=None, metadata={},
                         data={"text/plain": f"{earned:g}"})]


def verdict_outputs(cell, verdict: judge.Verdict) -> list[NotebookNode]:
    if verdict.passed:
        return []
    points = float(cell.metadata.nbgrader.get("points", 0))
    if verdict.fraction > 0 and points > 0:
        return partial_credit_outputs(points, verdict)
    return [error_output(verdict.ename, verdict.message)]


def is_test(cell) -> bool:
    return cell.cell_type == "code" and is_grade(cell) and not is_solution(cell)


class GuardedExecute(Execute):
    sandbox = Bool(True, help="Run every kernel in its own bubblewrap sandbox (rnngraded.sandbox)."
                   ).tag(config=True)
    memory_limit_mb = Integer(4096, help="Address space of each sandboxed process, in MB."
                              ).tag(config=True)
    max_processes = Integer(128, help="Processes and threads of one sandbox.").tag(config=True)
    scratch_mb = Integer(256, help="Size of the sandbox's writable folder, in MB (also the "
                                   "largest file it may write).").tag(config=True)
    notebook_timeout = Integer(1200, help="Seconds for a whole notebook (all kernels); cells "
                                          "left after that are not run.").tag(config=True)
    max_output_chars = Integer(200_000, help="Characters of output kept per cell; the rest "
                                             "is dropped and noted.").tag(config=True)
    max_restarts = Integer(3, help="Kernel restarts per notebook after a dead or stuck "
                                   "kernel.").tag(config=True)
    raise_on_iopub_timeout = Bool(
        False, help="A kernel whose output machinery the submission broke stops publishing; "
                    "the cell's reply still decides its grade, so do not fail the whole "
                    "notebook.").tag(config=True)
    warm_kernels = Bool(False, help="Fork each sandboxed kernel from this process's fork "
                                    "server, with torch and numpy imported (rnngraded.warm): "
                                    "for a process that grades many notebooks (make grade's "
                                    "workers).").tag(config=True)
    stuck_timeout = Integer(10, help="Seconds a kernel may take to answer after a timed-out "
                                     "cell was interrupted.").tag(config=True)

    def limits(self) -> sandbox.Limits:
        return sandbox.Limits(memory_mb=self.memory_limit_mb, processes=self.max_processes,
                              scratch_mb=self.scratch_mb,
                              cpu_seconds=max(60, self.notebook_timeout + 60))

    def create_kernel_manager(self):
        if not self.sandbox:
            return super().create_kernel_manager()
        self.kernel_name = self.kernel_name or self.nb.metadata.get("kernelspec", {}).get(
            "name", "python3")
        from rnngraded import warm

        server = warm.server() if self.warm_kernels and warm.available() else None
        self.km = sandbox.SandboxKernelManager(kernel_name=self.kernel_name, config=self.config,
                                               limits=self.limits(),
                                               notebook=self._submitted_notebook(), warm=server)
        return self.km

    def _submitted_notebook(self):
        """The student's own file, to copy into the sandbox (never the notebook being run,
        which holds the hidden tests)."""
        return self._course_notebook("submitted_directory")

    def _course_notebook(self, folder: str):
        """This notebook's file in one of the course's folders (``source_directory``...)."""
        from pathlib import Path

        from nbgrader.coursedir import CourseDirectory

        info = (self.resources or {}).get("nbgrader", {})
        if not {"assignment", "notebook"} <= set(info):
            return None
        coursedir = CourseDirectory(config=self.config)
        student = info.get("student", ".") if folder == "submitted_directory" else "."
        path = Path(coursedir.format_path(getattr(coursedir, folder), student,
                                          info["assignment"])) / f"{info['notebook']}.ipynb"
        return path if path.is_file() else None

    # --- the notebook loop, with restarts ---------------------------------------------------

    def preprocess(self, nb, resources=None, km=None):
        from nbclient import NotebookClient

        NotebookClient.__init__(self, nb, km)
        self._check_assign_resources(resources)
        self._output_chars = self._rich_chars = self._flooded = 0
        self._timed_out = False
        self._deadline = time.monotonic() + self.notebook_timeout
        if any(is_test(c) and judge.is_split(c.source) for c in nb.cells):
            # The judgements need the setup cell's libraries (torch...) here, in the grader:
            # import them while the kernel starts instead of at the first test.
            threading.Thread(target=judge.preload, args=(self._setup_source(),),
                             daemon=True).start()
        skipped: dict[int, tuple[str, str]] = {}  # cell index -> (error name, reason)
        # No input history: nothing a later cell could read the tests back from.
        wanted = ["--HistoryManager.enabled=False"]
        self.extra_arguments = [*self.extra_arguments,
                                *(a for a in wanted if a not in self.extra_arguments)]
        while True:
            self.reset_execution_trackers()
            self._index = -1
            try:
                with self.setup_kernel():
                    info_msg = self.wait_for_reply(self.kc.kernel_info())
                    self.nb.metadata["language_info"] = info_msg["content"]["language_info"]
                    try:
                        for index, cell in enumerate(self.nb.cells):
                            self._index = index
                            if index in skipped:
                                if cell.cell_type == "code":
                                    cell.outputs = [error_output(*skipped[index])]
                                continue
                            if cell.cell_type == "code" and self._past_deadline():
                                cell.outputs = [error_output("NotebookTimeout", (
                                    f"not run: the notebook used up its {self.notebook_timeout}"
                                    f" s time limit in earlier cells"))]
                                continue
                            self.preprocess_cell(cell, resources, index)
                    except DeadKernelError:  # while the kernel manager can still tell why
                        raise KernelFault(self._index, self._death_reason()) from None
                break
            except KernelFault as err:
                index = err.index
                self.log.warning("Cell %s: %s; restarting the kernel without it", index,
                                 err.reason)
                self.km = None
                self.kc = None
                skipped[index] = (err.ename, f"{err.reason}; this cell was skipped and the "
                                             f"rest of the notebook graded in a fresh kernel")
                if len(skipped) > self.max_restarts:
                    for later, cell in enumerate(self.nb.cells):
                        if later > index and is_test(cell):
                            cell.outputs = [error_output("KernelDied", "not run: the kernel "
                                                         "died too often in earlier cells")]
                    self.nb.cells[index].outputs = [error_output(*skipped[index])]
                    break
        self.set_widgets_metadata()
        return self.nb, self.resources

    def _death_reason(self) -> str:
        code = None
        try:
            process = getattr(getattr(self.km, "provisioner", None), "process", None)
            if process is not None:
                for _ in range(20):  # the process may take a moment to be reaped
                    code = process.poll()
                    if code is not None:
                        break
                    time.sleep(0.1)
        except Exception:
            code = None
        if code is None:
            return "the kernel died while running this cell"
        if code > 128 and self.sandbox:  # the sandbox's shell reports a kernel killed by N
            code = 128 - code
        if code < 0:
            name = SIGNALS.get(-code, f"signal {-code}")
            return f"the kernel was killed by {name} while running this cell"
        return (f"the kernel exited with code {code} while running this cell (os._exit, "
                f"sys.exit from a thread, or a crash)")

    # --- one cell ---------------------------------------------------------------------------

    async def async_execute_cell(self, cell, cell_index, execution_count=None,
                                 store_history=True):
        if is_test(cell):
            if judge.is_split(cell.source):
                return await self._judge_test(cell, cell_index)
            cell.outputs = [error_output("UnjudgedTest", (
                f"{_cell_name(cell, cell_index)} is not written as evidence and judgement "
                f"(rnngraded.judge), so the grader cannot decide it outside your kernel; it "
                f"scores 0 until the course fixes it"))]
            return cell
        self._output_chars = self._rich_chars = 0
        self._flooded = 0
        self._timed_out = False
        started = time.monotonic()
        cell = await super().async_execute_cell(cell, cell_index, execution_count, store_history)
        if cell.cell_type == "code":
            cell.metadata.setdefault("rnngraded", {})["seconds"] = round(
                time.monotonic() - started, 3)
        if self._timed_out:
            await self._check_responsive(cell_index)
        if cell.cell_type == "code" and any(_out_of_memory(o) for o in cell.get("outputs", [])):
            # What the cell allocated stays in the kernel and would starve every later test:
            # grade the rest of the notebook in a fresh kernel, without this cell.
            limit = f" (limit {self.memory_limit_mb} MB)" if self.memory_limit_mb else ""
            raise KernelFault(cell_index, f"this cell ran out of memory{limit}", "MemoryError")
        if self._flooded:  # first, so that LimitOutput's line limit keeps it
            cell.outputs.insert(0, NotebookNode(
                output_type="stream", name="stdout",
                text=f"\n[OutputFlood: {self._flooded:,} more characters of output were "
                     f"dropped; each cell keeps at most {self.max_output_chars:,} characters of "
                     f"text]\n"))
        return cell

    execute_cell = run_sync(async_execute_cell)

    # --- a split hidden test: evidence from the kernel, judgement here -------------------------

    async def _judge_test(self, cell, cell_index):
        """Ask the kernel for the test's evidence, judge it here, and write the verdict as the
        cell's only output. Nothing the kernel prints or returns decides the points."""
        started = time.monotonic()
        seed, nonce = secrets.randbelow(2**31), secrets.token_hex(16)
        setup = self._setup_source()
        shared = self._shared_code(cell_index)
        code = judge.kernel_code(cell.source, seed, nonce, setup, shared)
        try:
            found = await self._evidence(code, nonce, cell, cell_index)
        except judge.EvidenceError as err:
            verdict = judge.Verdict(False, "EvidenceError", str(err))
        except _EvidenceTimeout as err:
            verdict = judge.Verdict(False, "CellTimeoutError", str(err))
        else:
            answers = {c.metadata.nbgrader.grade_id: c.source for c in self.nb.cells
                       if c.get("metadata", {}).get("nbgrader", {}).get("solution")
                       and c.metadata.nbgrader.get("grade_id")}
            verdict = judge.decide(cell.source, setup, found, seed, answers, shared)
        cell.outputs = verdict_outputs(cell, verdict)
        cell.metadata.setdefault("rnngraded", {})["seconds"] = round(time.monotonic() - started,
                                                                     3)
        return cell

    def _shared_code(self, cell_index: int) -> str:
        """The course's given cells and earlier tests before this test (see judge.shared_code).
        Locked cells hold the source's text here: OverwriteCells put it back."""
        before = [c for c in self.nb.cells[:cell_index] if c.cell_type == "code"
                  and c.get("metadata", {}).get("nbgrader", {}).get("grade_id")]
        given = [c.source for c in before if is_locked(c) and not is_grade(c)]
        tests = [c.source for c in before if is_test(c)]
        return judge.shared_code(given, tests)

    def _setup_source(self) -> str:
        """The notebook's setup cell, as the source recorded it (restored before grading)."""
        for cell in self.nb.cells:
            if cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") == "setup":
                return cell.source
        return ""

    async def _evidence(self, code: str, nonce: str, cell, cell_index: int):
        """Run ``code`` in the kernel and return the decoded evidence it published."""
        msg_id = await ensure_async(self.kc.execute(code, silent=True, store_history=False,
                                                    allow_stdin=False))
        deadline = min(time.monotonic() + (self.timeout or 60), self._deadline)
        payload, size, done = None, 0, False
        while not done:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                await ensure_async(self.km.interrupt_kernel())
                await self._check_responsive(cell_index)
                raise _EvidenceTimeout(self._timeout_message(cell))
            try:
                msg = await self.kc.iopub_channel.get_msg(timeout=min(remaining, 1.0))
            except Exception:  # queue.Empty: is the kernel still there?
                if not await ensure_async(self.km.is_alive()):
                    raise KernelFault(cell_index, self._death_reason()) from None
                continue
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            content = msg.get("content", {})
            if msg["msg_type"] == "display_data" and judge.MIME in content.get("data", {}):
                text = str(content["data"][judge.MIME])
                size += len(text)
                if size > judge.MAX_EVIDENCE_BYTES:
                    raise judge.EvidenceError("the evidence is larger than a test accepts")
                if payload is None:
                    payload = text
            elif msg["msg_type"] == "status" and content.get("execution_state") == "idle":
                done = True
        if payload is None:
            raise judge.EvidenceError("the kernel sent no evidence for this test (did a cell "
                                      "replace how the notebook displays its results?)")
        return judge.read_payload(payload, nonce)

    async def _reply(self, msg_id: str, timeout: float) -> dict:
        deadline = asyncio.get_event_loop().time() + timeout
        while True:
            remaining = deadline - asyncio.get_event_loop().time()
            if remaining <= 0:
                raise TimeoutError
            try:
                msg = await self.kc.shell_channel.get_msg(timeout=min(remaining, 1.0))
            except Exception:  # queue.Empty: check the kernel is still there
                if not await ensure_async(self.km.is_alive()):
                    raise DeadKernelError("Kernel died") from None
                continue
            if msg["parent_header"].get("msg_id") == msg_id:
                return msg

    async def _check_responsive(self, cell_index: int) -> None:
        """After a timed-out cell was interrupted, the kernel must answer again soon; a loop
        that swallows the interrupt would otherwise cost every later cell the full timeout."""
        msg_id = await ensure_async(self.kc.kernel_info())
        try:
            await self._reply(msg_id, self.stuck_timeout)
            # the interrupted cell's own late reply may still arrive: drain it with the next
            await asyncio.sleep(0)
        except TimeoutError:
            try:
                await ensure_async(self.km.shutdown_kernel(now=True))
            except Exception:
                pass
            raise KernelFault(cell_index, f"this cell ran past the {self.timeout} s time limit "
                                          f"and ignored the interrupt; {SLOW_CELL}") from None

    # --- nbclient hooks ---------------------------------------------------------------------

    def _past_deadline(self) -> bool:
        return time.monotonic() >= self._deadline

    def _get_timeout(self, cell):
        timeout = super()._get_timeout(cell)
        left = max(1, int(self._deadline - time.monotonic()))
        return min(timeout, left) if timeout else left

    async def _async_handle_timeout(self, timeout, cell=None):
        self._timed_out = True
        return await super()._async_handle_timeout(timeout, cell)

    def output(self, outs, msg, display_id, cell_index):
        content = msg.get("content", {})
        text = len(str(content.get("text", "")))
        rich = sum(len(str(v)) for v in (content.get("data") or {}).values())
        # Printed text is capped at max_output_chars; figures and other rich output (a PNG is
        # a few hundred kB of base64) at ten times as much.
        if self.max_output_chars >= 0 and (
                self._output_chars + text > self.max_output_chars
                or self._rich_chars + rich > 10 * self.max_output_chars):
            self._flooded += text + rich
            return None
        self._output_chars += text
        self._rich_chars += rich
        return super().output(outs, msg, display_id, cell_index)

    def on_cell_executed(self, **kwargs):
        super().on_cell_executed(**kwargs)
        cell = kwargs["cell"]
        if self._timed_out:
            for output in cell.outputs:
                if output.output_type == "error" and output.ename == "CellTimeoutError":
                    output.evalue = self._timeout_message(cell)
                    output.traceback = [f"CellTimeoutError: {output.evalue}"]

    def _timeout_message(self, cell) -> str:
        name = _cell_name(cell, self._index)
        if self._past_deadline():
            return (f"{name} was stopped when the notebook reached its {self.notebook_timeout} s "
                    f"limit (all cells together); {SLOW_CELL}")
        reference = timing.reference_seconds(
            (self.resources or {}).get("nbgrader", {}).get("assignment", ""),
            cell.get("metadata", {}).get("nbgrader", {}).get("grade_id"),
            self._course_notebook("source_directory"))
        took = (f"{reference:.2g} s" if reference and reference >= 0.01 else "less than 0.01 s")
        why = (f"the reference solution runs this cell in {took} under grading: {SLOW_CAUSES}"
               if reference is not None else SLOW_CELL)
        return f"{name} ran longer than the {self.timeout} s limit per cell and was stopped; {why}"


def _cell_name(cell, index: int) -> str:
    grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
    return f"cell {grade_id}" if grade_id else f"cell {index + 1}"


def _out_of_memory(output) -> bool:
    return output.get("output_type") == "error" and (
        output.get("ename") == "MemoryError"
        or "DefaultCPUAllocator: can't allocate memory" in str(output.get("evalue", "")))


class RestoreLockedCells(NbGraderPreprocessor):
    """Autograde sanitizer: put back every locked cell of the source that the submission
    deleted or stripped of its nbgrader metadata (nbgrader's ``add_missing_cells`` restores
    only graded and task cells). Without it, a submission could replace the setup cell, which
    binds the names the tests call (``checks``, ``np``), by its own version."""

    def preprocess(self, nb, resources):
        from nbformat.v4 import new_code_cell
        from nbgrader.api import Gradebook

        notebook_id = resources["nbgrader"]["notebook"]
        assignment_id = resources["nbgrader"]["assignment"]
        with Gradebook(resources["nbgrader"]["db_url"]) as gb:
            source = gb.find_notebook(notebook_id, assignment_id)
            cells = [(c.name, c.cell_type, c.locked, c.source, c.checksum)
                     for c in source.source_cells]
            graded = {c.name for c in source.grade_cells} | {c.name for c in source.task_cells}
        present = {c.metadata.get("nbgrader", {}).get("grade_id"): i
                   for i, c in enumerate(nb.cells)}
        for position, (name, cell_type, locked, text, checksum) in enumerate(cells):
            if name in present or not locked or name in graded or cell_type != "code":
                continue
            self.log.warning("Locked cell %s is missing; restoring it from the source", name)
            before = [present[p[0]] for p in cells[:position] if p[0] in present]
            index = max(before) + 1 if before else 0
            cell = new_code_cell(text)
            cell.metadata["nbgrader"] = {"grade": False, "solution": False, "locked": True,
                                         "grade_id": name, "schema_version": 3,
                                         "checksum": checksum}
            cell.metadata["editable"] = False
            cell.metadata["deletable"] = False
            nb.cells.insert(index, cell)
            present = {c.metadata.get("nbgrader", {}).get("grade_id"): i
                       for i, c in enumerate(nb.cells)}
        return nb, resources


class RestoreCellFlags(NbGraderPreprocessor):
    """Autograde sanitizer, before ``OverwriteCells``: every cell whose grade_id the source
    knows gets the source's nbgrader flags back (grade, solution, locked, task, points); other
    nbgrader metadata (duplicates, unknown ids) is dropped.

    A submission that turns a test cell into an answer cell (``solution: true``) otherwise
    makes nbgrader's ``OverwriteCells`` fail on the checksum, and the whole submission goes
    ungraded; with the flags restored, OverwriteCells puts the test's source back as usual."""

    def preprocess(self, nb, resources):
        from nbgrader.api import Gradebook

        with Gradebook(resources["nbgrader"]["db_url"]) as gb:
            source = gb.find_notebook(resources["nbgrader"]["notebook"],
                                      resources["nbgrader"]["assignment"])
            known = {c.name: c for c in source.source_cells}
            graded = {c.name: float(c.max_score) for c in source.grade_cells}
            solutions = {c.name for c in source.solution_cells}
            tasks = {c.name for c in source.task_cells}
            flags = {name: (cell.locked, cell.cell_type) for name, cell in known.items()}
        for cell in nb.cells:
            meta = cell.get("metadata", {}).get("nbgrader")
            name = meta.get("grade_id") if isinstance(meta, dict) else None
            if meta is not None and name not in flags:
                # a duplicate (DeduplicateIds empties it) or an id the source does not know:
                # an ordinary cell. nbgrader 0.9.6 fails the whole submission on nbgrader
                # metadata without a grade_id when restoring missing cells.
                self.log.warning("Cell with unknown or duplicated grade_id %r graded as an "
                                 "ordinary cell", name)
                del cell.metadata["nbgrader"]
                continue
            if name not in flags:
                continue
            locked, cell_type = flags[name]
            wanted = {"grade": name in graded, "solution": name in solutions,
                      "locked": locked, "task": name in tasks}
            if name in graded:
                wanted["points"] = graded[name]
            changed = {k: v for k, v in wanted.items() if meta.get(k) != v}
            if changed:
                self.log.warning("Cell %s: nbgrader flags %s restored from the source", name,
                                 sorted(changed))
                meta.update(wanted)
                if not wanted["grade"]:
                    meta.pop("points", None)
        return nb, resources
