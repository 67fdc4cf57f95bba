"""Warm kernels (rnngraded.warm): forked from a fork server with torch imported, each in a
fresh sandbox of its own.

Two warm kernels run side by side and probe their surroundings: each has its own uid (as root),
no capabilities, ``no_new_privs``, the sandbox's limits, no network, its own processes only, its
own ``/tmp``, scratch folder and ``/dev/shm``, and sees neither the server's socket nor the
other kernel's folder or files. A warm kernel's environment and import path equal a cold one's,
its random state is its own, and nothing of it survives its shutdown. A grader that is not root
starts its kernels cold.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import time
from pathlib import Path

import pytest

from rnngraded import sandbox, warm

needs_root = pytest.mark.skipif(not warm.available(), reason="warm kernels need root")
NOTEBOOK = Path(__file__).parent.parent / "release" / "01_rnn_basics" / "01_rnn_basics.ipynb"

PROBE = r"""
import json, os, resource, socket, sys
status = open("/proc/self/status").read()
def listing(path):
    try:
        return sorted(os.listdir(path))
    except OSError as err:
        return type(err).__name__
try:
    socket.create_connection(("1.1.1.1", 80), timeout=2)
    network = "reachable"
except OSError as err:
    network = str(err)
marker = "secret-" + os.environ["MARK"] if "MARK" in os.environ else None
facts = {
    "uid": os.getuid(), "pids": sorted(p for p in os.listdir("/proc") if p.isdigit()),
    "capabilities": sorted(set(re.findall(r"^Cap(?:Eff|Prm|Bnd|Amb|Inh):\s+(\w+)", status, re.M))),
    "no_new_privs": re.search(r"^NoNewPrivs:\s+(\d)", status, re.M).group(1),
    "hostname": socket.gethostname(), "cwd": os.getcwd(), "scratch": listing("."),
    "tmp": listing("/tmp"), "shm": listing("/dev/shm"), "network": network,
    "memory": resource.getrlimit(resource.RLIMIT_AS)[1],
    "processes": resource.getrlimit(resource.RLIMIT_NPROC)[1],
    "torch_preloaded": "torch" in sys.modules, "path": sys.path,
    "env": dict(os.environ), "connection_folder": os.path.dirname(CONNECTION),
    "server_folder": listing(SERVER), "kernels": listing(SERVER + "/kernels"),
    "server_socket": os.path.exists(SERVER + "/control/server.sock"),
}
import numpy, rnngraded
facts["random"] = float(numpy.random.rand())
try:
    open(os.path.join(os.path.dirname(rnngraded.__file__), "planted.py"), "w").close()
    facts["package_writable"] = True
except OSError:
    facts["package_writable"] = False
for folder in (".", "/tmp", "/dev/shm"):
    mine = "mine-" + os.path.basename(os.path.dirname(CONNECTION))
    try:
        open(os.path.join(folder, mine), "w").write("x")
    except PermissionError:
        pass
print(json.dumps(facts))
"""


async def start(server, notebook: Path = NOTEBOOK) -> sandbox.SandboxKernelManager:
    km = sandbox.SandboxKernelManager(warm=server, notebook=notebook)
    await km.start_kernel()
    return km


async def run(km: sandbox.SandboxKernelManager, code: str) -> str:
    client = km.client()
    client.start_channels()
    try:
        await client.wait_for_ready(timeout=60)
        msg_id = client.execute(code)
        text = []
        while True:
            message = await client.get_iopub_msg(timeout=60)
            if message["parent_header"].get("msg_id") != msg_id:
                continue
            if message["msg_type"] == "stream":
                text.append(message["content"]["text"])
            if message["msg_type"] == "error":
                raise AssertionError("\n".join(message["content"]["traceback"]))
            if message["msg_type"] == "status" and message["content"]["execution_state"] == "idle":
                return "".join(text)
    finally:
        client.stop_channels()


def probe_code(km: sandbox.SandboxKernelManager, server) -> str:
    base = server.base if server is not None else Path("/nonexistent")
    return f"import re\nCONNECTION = {km.connection_file!r}\nSERVER = {str(base)!r}\n" + PROBE


async def probe_pair(server) -> tuple[list[dict], dict]:
    """Two warm kernels at once, and a cold one; each reports what it sees."""
    kms = [await start(server), await start(server)]
    try:
        warm_facts = [json.loads(await run(km, probe_code(km, server))) for km in kms]
        # the first kernel looks again, after the second wrote its files
        again = json.loads(await run(kms[0], probe_code(kms[0], server)))
    finally:
        for km in kms:
            await km.shutdown_kernel(now=True)
    cold = await start(None)
    try:
        cold_facts = json.loads(await run(cold, probe_code(cold, None)))
    finally:
        await cold.shutdown_kernel(now=True)
    return [warm_facts[0], warm_facts[1], again], cold_facts


def own_sandbox_processes(seconds: float = 10) -> list[str]:
    """Processes running as a sandbox uid of this test process (sandbox.sandbox_uid), after
    giving killed ones a moment to go."""
    first = sandbox.UID_BASE + 64 * os.getpid()
    deadline = time.monotonic() + seconds
    while True:
        found = []
        for entry in Path("/proc").iterdir():
            try:
                status = (entry / "status").read_text()
            except OSError:
                continue
            uid = int(re.search(r"^Uid:\s+(\d+)", status, re.M).group(1))
            if first <= uid < first + 64:
                found.append(f"{entry.name} {_cmdline(entry.name)}")
        if not found or time.monotonic() > deadline:
            return found
        time.sleep(0.2)


def tops_under_tmp() -> set[str]:
    """What of the read-only trees shows in /tmp (an environment or checkout kept there)."""
    return {tree.relative_to("/tmp").parts[0] for tree in sandbox.read_only_trees()
            if Path("/tmp") in tree.parents}


def check_confined(facts: list[dict], cold: dict, server, own_uids: bool) -> None:
    first, second, again = facts
    for seen in facts:
        assert seen["capabilities"] == ["0000000000000000"], seen["capabilities"]
        assert seen["no_new_privs"] == "1"
        assert seen["pids"] == ["1", "2"], "a warm kernel sees only its own sandbox's processes"
        assert seen["hostname"] == "sandbox"
        assert "unreachable" in seen["network"].lower(), seen["network"]
        assert seen["memory"] == sandbox.Limits().memory_mb * 1024 * 1024
        assert seen["processes"] == sandbox.Limits().processes
        assert seen["torch_preloaded"], "the fork server's imports are ready in the kernel"
        assert seen["cwd"] == sandbox.SCRATCH
        assert NOTEBOOK.name in seen["scratch"]
        assert not seen["server_socket"], "a kernel must not reach the fork server"
        assert seen["server_folder"] == ["kernels"], seen["server_folder"]
        assert seen["kernels"] == [Path(seen["connection_folder"]).name], seen["kernels"]
        assert {f for f in seen["tmp"] if not f.startswith("mine-")} == \
            {server.base.name} | tops_under_tmp(), seen["tmp"]
        assert seen["package_writable"] is False, "the course package stays read-only"
    assert first["connection_folder"] != second["connection_folder"]
    # the second kernel wrote into its scratch folder, /tmp and /dev/shm: the first sees none
    own = "mine-" + Path(first["connection_folder"]).name
    for folder in ("scratch", "tmp", "shm"):
        written = [] if folder == "shm" and own_uids else [own]
        assert [f for f in again[folder] if f.startswith("mine-")] == written, again[folder]
    assert first["random"] != second["random"], "each warm kernel gets fresh random state"
    if own_uids:
        assert first["uid"] != second["uid"] and min(first["uid"], second["uid"]) >= \
            sandbox.UID_BASE
    else:
        assert first["uid"] == second["uid"] == 1000
    assert first["path"] == cold["path"]
    assert first["env"] == cold["env"], "a warm kernel's environment is a cold one's"


@pytest.fixture
def server():
    started = warm.Server()
    yield started
    started.stop()


@needs_root
def test_warm_kernels_are_confined_apart(server):
    facts, cold = asyncio.run(probe_pair(server))
    check_confined(facts, cold, server, own_uids=sandbox.as_root())
    if sandbox.as_root():
        assert own_sandbox_processes() == [], "nothing of a kernel outlives its shutdown"


def test_a_grader_that_is_not_root_starts_kernels_cold(monkeypatch):
    """In a user namespace a kernel's sandbox could not mount its own /proc: no fork server
    there, and the executor starts each kernel cold, in its own bwrap sandbox."""
    from nbformat.v4 import new_notebook

    from rnngraded.grading import GuardedExecute

    monkeypatch.setattr(sandbox, "as_root", lambda: False)
    assert not warm.available()
    with pytest.raises(sandbox.SandboxUnavailable, match="root"):
        warm.Server()
    executor = GuardedExecute(warm_kernels=True)
    executor.nb = new_notebook()
    executor.resources = {}
    km = executor.create_kernel_manager()
    assert km.warm is None


@needs_root
def test_killed_proxy_ends_the_kernel_sandbox(server):
    """jupyter_client kills a kernel by killing its process, here the proxy: the kernel and
    what it started must go with it."""
    async def scenario() -> tuple[list[str], list[str]]:
        km = await start(server)
        await run(km, "import subprocess\nsubprocess.Popen(['sleep', '600'])")
        before = own_sandbox_processes(0)
        km.provisioner.process.kill()
        after = own_sandbox_processes()
        await km.shutdown_kernel(now=True)
        return before, after

    before, after = asyncio.run(scenario())
    assert any("sleep" in line for line in before), before
    assert after == [], after


def _cmdline(pid: str) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    except OSError:
        return ""


def test_only_the_python_kernel_is_forked():
    python = os.path.realpath(os.sys.executable)
    assert warm.supports([python, "-m", "ipykernel_launcher", "-f", "x.json"])
    assert not warm.supports([python, "-m", "some_other_kernel", "-f", "x.json"])
    assert not warm.supports(["/usr/bin/R", "--slave", "-e", "IRkernel::main()"])
