"""Warm kernels: a fork server that keeps a grading kernel's heavy imports ready.

A cold kernel pays for a new interpreter, ipykernel and the setup cell's imports (torch, numpy,
matplotlib: about 3.5 s of a chapter's 6-10 s of grading) before the first answer runs. A
worker that grades submission after submission instead keeps one *fork server* (:class:`Server`):
a process in a sandbox of its own (``sandbox.command(privileged=True)``) that imports those
modules once and never runs anything of a submission. Each kernel is a fork of it that, before
it runs a line of the submission, builds a fresh sandbox of its own inside (:func:`_confine`):

* new mount, PID, network, IPC and UTS namespaces: it sees no other process, has no network
  and shares no IPC with anyone;
* a fresh, size-limited ``/tmp``, scratch folder (:data:`sandbox.SCRATCH`, holding its own copy
  of the notebook) and ``/dev/shm``, and its own ``/proc``; the server's folder is covered, so
  that only the kernel's own connection folder is visible;
* the hard limits of :class:`sandbox.Limits`, no capabilities, ``no_new_privs`` and, as root,
  a uid of its own (``sandbox.sandbox_uid``).

What kernels share is what the server's sandbox shows read-only (the environment, the course
package) and, copy-on-write, the memory of the modules imported before the fork.

The grader starts a warm kernel through a small proxy process (:mod:`rnngraded.warm_proxy`, the
standard library only) that hands the request to the server and lives exactly as long as
the kernel: it exits with the kernel's status (``128 + N`` for a kernel killed by signal N, as
the cold sandbox's shell), and killing it kills the kernel's whole sandbox. To jupyter_client
it is an ordinary kernel process.
"""

from __future__ import annotations

import base64
import ctypes
import json
import os
import resource
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
from dataclasses import asdict
from pathlib import Path

from rnngraded import sandbox

# Imported once by the server: what every chapter's setup cell, the evidence code and ipykernel's
# start import.
PRELOAD = ("numpy", "torch", "torch.nn", "torch.nn.functional", "matplotlib",
           "matplotlib.pyplot", "tqdm.auto", "ipykernel.kernelapp", "ipykernel.ipkernel",
           "ipykernel.debugger", "rnngraded", "rnngraded.checks", "rnngraded.data",
           "rnngraded.evidence", "rnngraded.plotting")
INLINE_BACKEND = "module://matplotlib_inline.backend_inline"  # what ipykernel would set
READY = b"ready\n"
START_TIMEOUT = 120

CLONE_NEWNS, CLONE_NEWUTS, CLONE_NEWIPC = 0x00020000, 0x04000000, 0x08000000
CLONE_NEWPID, CLONE_NEWNET = 0x20000000, 0x40000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_REMOUNT = 1, 2, 4, 8, 32
MS_BIND, MS_REC, MS_PRIVATE = 0x1000, 0x4000, 1 << 18
MNT_DETACH = 2
PR_SET_PDEATHSIG, PR_CAPBSET_DROP, PR_SET_NO_NEW_PRIVS, PR_CAP_AMBIENT = 1, 24, 38, 47
PR_CAP_AMBIENT_CLEAR_ALL = 4
CAPABILITY_VERSION_3 = 0x20080522

_libc = ctypes.CDLL(None, use_errno=True)


def _check(result: int, what: str) -> None:
    if result != 0:
        error = ctypes.get_errno()
        raise OSError(error, f"{what}: {os.strerror(error)}")


def _mount(source: str, target: str, fstype: str | None, flags: int, data: str | None = None):
    _check(_libc.mount(source.encode(), target.encode(), fstype.encode() if fstype else None,
                       flags, data.encode() if data else None), f"mount {target}")


# --- the grader's side ------------------------------------------------------------------------


class Server:
    """One fork server (a sandboxed process) and the host folder it shares with its kernels:
    ``control/`` (its socket and the pending requests, the grader's only) and ``kernels/`` (each
    kernel's connection folder)."""

    def __init__(self):
        if not available():
            raise sandbox.SandboxUnavailable("warm kernels need a grader running as root")
        self.base = Path(tempfile.mkdtemp(prefix="rnngraded-warm-"))
        self.socket = self.base / "control" / "server.sock"
        self.requests = self.base / "control"
        self.kernels = self.base / "kernels"
        self.requests.mkdir(mode=0o700)
        self.kernels.mkdir(mode=0o711)
        self.process: subprocess.Popen | None = None
        self._started = threading.Event()
        self._failure = ""
        # bwrap dies with the *thread* that started it: start it from one that lives as long.
        threading.Thread(target=self._run, name="rnngraded-warm-server", daemon=True).start()
        if not self._started.wait(START_TIMEOUT) or self._failure:
            self.stop()
            raise sandbox.SandboxUnavailable(f"the warm kernel server did not start: "
                                             f"{self._failure or 'timed out'}")

    def _run(self) -> None:
        inner = [sys.executable, "-m", "rnngraded.warm", "--serve", str(self.socket)]
        argv = sandbox.command(inner, limits=sandbox.Limits(), kernel_dir=self.base,
                               env={"MPLBACKEND": INLINE_BACKEND}, privileged=True)
        with tempfile.TemporaryFile() as errors:
            try:
                self.process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=errors)
            except OSError as err:
                self._failure = str(err)
                self._started.set()
                return
            line = self.process.stdout.readline()
            if line != READY:
                self.process.kill()
                self.process.wait()
                errors.seek(0)
                self._failure = (line + errors.read()).decode(errors="replace")[-2000:]
            self._started.set()
            self.process.wait()

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def kernel_dir(self) -> Path:
        return Path(tempfile.mkdtemp(prefix="kernel-", dir=self.kernels))

    def launch_command(self, kernel_cmd: list[str], kernel_dir: Path, notebook: Path | None,
                       limits: sandbox.Limits, uid: int | None) -> list[str]:
        """The proxy's command line for one kernel (its request is written to a file only the
        grader can read)."""
        request = {"argv": kernel_cmd, "env": sandbox.kernel_environment(),
                   "kernel_dir": str(kernel_dir), "limits": asdict(limits), "uid": uid,
                   "notebook_name": notebook.name if notebook else "notebook.ipynb",
                   "notebook": base64.b64encode(notebook.read_bytes()).decode()
                   if notebook else ""}
        fd, path = tempfile.mkstemp(prefix="request-", suffix=".json", dir=self.requests)
        with os.fdopen(fd, "w") as handle:
            json.dump(request, handle)
        proxy = Path(__file__).with_name("warm_proxy.py")
        return [sys.executable, "-I", "-S", str(proxy), str(self.socket), path]

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.base, ignore_errors=True)


def available() -> bool:
    """Warm kernels need a grader running as root. In a user namespace (a grader that is not
    root) a kernel's sandbox could not mount its own /proc (bwrap's read-only mounts over parts
    of the server's /proc are locked there), so such a grader starts every kernel cold."""
    return sandbox.as_root()


def supports(kernel_cmd: list[str]) -> bool:
    """A warm kernel is a forked Python running ipykernel: the default python3 kernel only."""
    return (len(kernel_cmd) >= 3 and kernel_cmd[1:3] == ["-m", "ipykernel_launcher"]
            and Path(kernel_cmd[0]).resolve() == Path(sys.executable).resolve())


_server: Server | None = None
_server_lock = threading.Lock()


def server() -> Server:
    """This process's fork server, started on first use (again if it died)."""
    global _server
    with _server_lock:
        if _server is None or not _server.alive():
            if _server is not None:
                _server.stop()
            _server = Server()
            import atexit

            atexit.register(_server.stop)
        return _server


# --- the server's side (inside its sandbox) -------------------------------------------------


_set_by_imports: dict[str, str] = {}  # variables PRELOAD's modules set (a kernel sets them too)


def serve(socket_path: str) -> None:
    import importlib

    before = dict(os.environ)
    for module in PRELOAD:
        importlib.import_module(module)
    _set_by_imports.update({k: v for k, v in os.environ.items() if before.get(k) != v})
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(socket_path)
    listener.listen(64)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # handlers are reaped by the kernel
    sys.stdout.buffer.write(READY)
    sys.stdout.flush()
    while True:
        conn, _ = listener.accept()
        if os.fork() == 0:
            listener.close()
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            try:
                _handle(conn)
            except BaseException as err:  # the grader sees a kernel that exited, and why
                conn.sendall(f"{type(err).__name__}: {err}\n1\n".encode(errors="replace"))
            finally:
                os._exit(0)
        conn.close()


def _read_request(conn: socket.socket) -> dict:
    data = b""
    while not data.endswith(b"\n"):
        chunk = conn.recv(1 << 20)
        if not chunk:
            raise ConnectionError("the grader hung up before its request was complete")
        data += chunk
    return json.loads(data)


def _handle(conn: socket.socket) -> None:
    """One kernel: build its sandbox, start it, report its exit status; kill the sandbox if
    the proxy goes away."""
    _check(_libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0), "prctl")
    request = _read_request(conn)
    _check(_libc.unshare(CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWIPC
                         | CLONE_NEWUTS), "unshare")
    _private_filesystem(request)
    errors, errors_out = os.pipe()  # why the sandbox or the kernel could not start
    init = os.fork()
    if init == 0:  # PID 1 of the kernel's namespace
        conn.close()
        os.close(errors)
        _child(_init, request, errors_out)
    os.close(errors_out)
    pidfd = os.pidfd_open(init)
    ready, _, _ = select.select([conn, pidfd], [], [])
    if pidfd in ready:
        _, status = os.waitpid(init, 0)
        code = os.waitstatus_to_exitcode(status)
        said = os.read(errors, 4000).decode(errors="replace").strip()
        conn.sendall(f"{said}\n{code if code >= 0 else 128 - code}\n".encode())
    else:  # the proxy is gone (killed, or the grader shut the kernel down)
        os.kill(init, signal.SIGKILL)
        os.waitpid(init, 0)


def _child(run, request: dict, errors: int) -> None:
    """The rest of a forked child's life: ``run``, then exit with its status; an exception is
    written to ``errors`` for the grader."""
    status = 1
    try:
        status = run(request, errors)
    except BaseException as err:
        try:
            os.write(errors, f"{type(err).__name__}: {err}".encode(errors="replace"))
        except OSError:
            pass
    finally:
        os._exit(status)


def _private_filesystem(request: dict) -> None:
    """Fresh writable places, and the server's folder covered but for this kernel's own."""
    limits = request["limits"]
    size = limits["scratch_mb"] * 1024 * 1024
    kernel_dir = request["kernel_dir"]
    base = str(Path(kernel_dir).parent.parent)
    _mount("none", "/", None, MS_REC | MS_PRIVATE)
    _mount("tmpfs", sandbox.SCRATCH, "tmpfs", MS_NOSUID | MS_NODEV, f"size={size},mode=0700")
    keep = f"{sandbox.SCRATCH}/.kernel"
    os.mkdir(keep)
    _mount(kernel_dir, keep, None, MS_BIND)
    old_tmp = f"{sandbox.SCRATCH}/.tmp"
    os.mkdir(old_tmp)
    _mount("/tmp", old_tmp, None, MS_BIND | MS_REC)
    under_tmp = [tree for tree in sandbox.read_only_trees() if Path("/tmp") in tree.parents]
    _mount("tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, f"size={size},mode=1777")
    _bind_read_only(under_tmp, old_tmp)
    if os.path.isdir("/dev/shm"):
        # fresh, and (as in a cold sandbox) not writable by a kernel with a uid of its own
        _mount("tmpfs", "/dev/shm", "tmpfs", MS_NOSUID | MS_NODEV, f"size={size},mode=0755")
    if os.path.exists(base):  # not under /tmp: cover it too
        _mount("tmpfs", base, "tmpfs", MS_NOSUID | MS_NODEV, "size=1m,mode=0755")
    os.makedirs(kernel_dir)
    _mount(keep, kernel_dir, None, MS_BIND)
    for folder in (keep, old_tmp):
        _check(_libc.umount2(folder.encode(), MNT_DETACH), f"umount {folder}")
        os.rmdir(folder)
    notebook = Path(sandbox.SCRATCH) / request["notebook_name"]
    notebook.write_bytes(base64.b64decode(request["notebook"]))
    notebook.chmod(0o600)
    uid = request["uid"]
    if uid is not None:
        for path in (sandbox.SCRATCH, str(notebook)):
            os.chown(path, uid, uid)


def _bind_read_only(trees: list[Path], old_tmp: str) -> None:
    """The read-only trees a kernel needs that live under /tmp (an environment or a course
    checkout there, as in a CI clone), back on top of the fresh /tmp, read-only again."""
    for tree in trees:
        os.makedirs(tree, exist_ok=True)
        _mount(f"{old_tmp}/{tree.relative_to('/tmp')}", str(tree), None, MS_BIND | MS_REC)
        _mount("none", str(tree), None, MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV)


def _init(request: dict, errors: int) -> int:
    """PID 1 of the kernel's sandbox: its own /proc, no privileges left; start the kernel and
    reap whatever it leaves until it ends."""
    _mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
    _check(_libc.sethostname(b"sandbox", 7), "sethostname")
    _drop_privileges(request)
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    os.close(devnull)
    kernel = os.fork()
    if kernel == 0:
        _child(_run_kernel, request, errors)
    os.close(errors)
    while True:
        pid, status = os.waitpid(-1, 0)
        if pid == kernel:
            code = os.waitstatus_to_exitcode(status)
            return code if code >= 0 else 128 - code


def _drop_privileges(request: dict) -> None:
    limits = request["limits"]
    megabyte = 1024 * 1024
    for name, value in ((resource.RLIMIT_AS, limits["memory_mb"] * megabyte),
                        (resource.RLIMIT_NPROC, limits["processes"]),
                        (resource.RLIMIT_FSIZE, limits["scratch_mb"] * megabyte),
                        (resource.RLIMIT_CPU, limits["cpu_seconds"]),
                        (resource.RLIMIT_NOFILE, limits["open_files"]),
                        (resource.RLIMIT_CORE, 0)):
        resource.setrlimit(name, (value, value))
    last = int(Path("/proc/sys/kernel/cap_last_cap").read_text())
    for capability in range(last + 1):
        _check(_libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0), "drop capability")
    uid = request["uid"]
    if uid is not None:
        os.setgroups([])
        os.setresgid(uid, uid, uid)
        os.setresuid(uid, uid, uid)
    _check(_libc.prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0), "ambient")
    header = (ctypes.c_uint32 * 2)(CAPABILITY_VERSION_3, 0)
    data = (ctypes.c_uint32 * 6)()
    _check(_libc.capset(header, data), "capset")
    _check(_libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "no_new_privs")
    _check(_libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0), "prctl")


def _run_kernel(request: dict, errors: int) -> int:
    """ipykernel, as ``python -m ipykernel_launcher ARGS`` would run it, with the environment
    and working folder of a cold sandboxed kernel."""
    import runpy

    os.setsid()
    os.environ.clear()
    os.environ.update(request["env"], PWD=sandbox.SCRATCH)  # as the cold sandbox's shell sets
    os.environ.update(_set_by_imports)
    os.chdir(sandbox.SCRATCH)
    _reseed()
    sys.argv = ["ipykernel_launcher", *request["argv"][3:]]
    os.close(errors)
    try:
        runpy.run_module("ipykernel_launcher", run_name="__main__", alter_sys=True)
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:
                pass
    return 0


def _reseed() -> None:
    """A fork would share the server's random state: unseeded code gets fresh entropy, as in a
    cold kernel (Python's ``random`` reseeds itself after a fork)."""
    import numpy
    import torch

    numpy.random.seed()
    torch.seed()


if __name__ == "__main__" and sys.argv[1:2] == ["--serve"]:
    serve(sys.argv[2])
