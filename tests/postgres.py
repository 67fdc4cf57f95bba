"""A private PostgreSQL server for the tests: the system's server binaries (installed with
apt-get where missing, when running as root), a throw-away folder, a Unix socket only.

    with private_server() as server:
        url = server.create_database("gradebook")  # a SQLAlchemy URL (psycopg2)

The server runs as an ordinary user (``postgres``, created by Debian's package, when we are
root: PostgreSQL refuses to run as root), accepts no TCP connections, and is stopped and
deleted when the block ends, however it ends.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

BINARIES = Path("/usr/lib/postgresql")
PACKAGE = "postgresql"
SERVER_USER = "postgres"  # the system user Debian's package creates
SUPERUSER = "postgres"  # the server's own superuser role (initdb --username)


class PostgresUnavailable(RuntimeError):
    """The server binaries are missing and cannot be installed here, or the server would not
    start: the message says why and what to do."""


def find_bin_dir() -> Path | None:
    """The newest installed ``/usr/lib/postgresql/<version>/bin`` with initdb and pg_ctl."""
    found = [folder / "bin" for folder in BINARIES.glob("*")
             if (folder / "bin" / "initdb").is_file() and (folder / "bin" / "pg_ctl").is_file()]
    found.sort(key=lambda path: int(path.parent.name) if path.parent.name.isdigit() else -1)
    return found[-1] if found else None


def install_server() -> None:
    """``apt-get install postgresql`` (as root, unattended), or say why it cannot be done."""
    how = f"install the PostgreSQL server yourself: apt-get install {PACKAGE}"
    if os.geteuid() != 0:
        raise PostgresUnavailable(f"no PostgreSQL server under {BINARIES}/*/bin and not root, "
                                  f"so the tests cannot install it: {how}")
    if shutil.which("apt-get") is None:
        raise PostgresUnavailable(f"no PostgreSQL server under {BINARIES}/*/bin and no apt-get "
                                  f"to install it: {how}")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update"],
                    ["apt-get", "install", "-y", "--no-install-recommends", PACKAGE]):
        result = subprocess.run(command, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            tail = "\n".join((result.stdout + result.stderr).splitlines()[-20:])
            raise PostgresUnavailable(f"{' '.join(command)} failed (exit {result.returncode}) "
                                      f"while installing the PostgreSQL server:\n{tail}")


def server_binaries() -> Path:
    """The server's bin/ folder, installed first if it is missing."""
    found = find_bin_dir()
    if found is None:
        install_server()
        found = find_bin_dir()
    if found is None:
        raise PostgresUnavailable(f"apt-get installed {PACKAGE} but no initdb and pg_ctl "
                                  f"appeared under {BINARIES}/*/bin")
    return found


def run_as_prefix() -> list[str]:
    """How to run the server's tools: as ``postgres`` when we are root, else as ourselves."""
    if os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam(SERVER_USER)
    except KeyError:
        raise PostgresUnavailable(f"PostgreSQL will not run as root and there is no "
                                  f"{SERVER_USER!r} user to run it as (Debian's {PACKAGE} "
                                  f"package creates it)") from None
    return ["runuser", "-u", SERVER_USER, "--"]


@dataclass
class Server:
    bin_dir: Path
    folder: Path  # data/ and the socket live here

    @property
    def data(self) -> Path:
        return self.folder / "data"

    @property
    def log(self) -> Path:
        return self.folder / "server.log"

    def url(self, database: str) -> str:
        """A SQLAlchemy URL reaching ``database`` through the socket in the folder."""
        return f"postgresql+psycopg2://{SUPERUSER}@/{database}?host={self.folder}"

    def run(self, tool: str, *args: str) -> str:
        command = [*run_as_prefix(), str(self.bin_dir / tool), *args]
        result = subprocess.run(command, cwd=self.folder, capture_output=True, text=True)
        if result.returncode != 0:
            log = self.log.read_text() if self.log.exists() else ""
            raise PostgresUnavailable(f"{' '.join(command)} failed (exit {result.returncode}):\n"
                                      f"{result.stdout}{result.stderr}{log}")
        return result.stdout

    def start(self) -> None:
        # trust: only the folder's owner (and root) can reach the socket in this 0700 folder.
        self.run("initdb", "--pgdata", str(self.data), "--username", SUPERUSER,
                 "--auth", "trust", "--encoding", "UTF8", "--no-locale", "--no-instructions")
        self.run("pg_ctl", "--pgdata", str(self.data), "--log", str(self.log), "--wait",
                 "--timeout", "60", "--options",
                 f"-c listen_addresses='' -c unix_socket_directories='{self.folder}'", "start")

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self.run("pg_ctl", "--pgdata", str(self.data), "--mode", "fast", "--wait", "stop")

    def create_database(self, name: str) -> str:
        self.run("createdb", "--host", str(self.folder), "--username", SUPERUSER, name)
        return self.url(name)


def server_folder() -> Path:
    """A fresh folder the server's user owns (pytest's tmp_path is root's, mode 0700)."""
    folder = Path(tempfile.mkdtemp(prefix="rnngraded-pg-"))
    if os.geteuid() == 0:
        user = pwd.getpwnam(SERVER_USER)
        os.chown(folder, user.pw_uid, user.pw_gid)
    return folder


@contextmanager
def private_server():
    """A running private server; stopped and its folder deleted afterwards."""
    bin_dir = server_binaries()
    run_as_prefix()  # fail early, before making a folder, when there is no user to run as
    server = Server(bin_dir, server_folder())
    try:
        server.start()
        yield server
    finally:
        try:
            server.stop()
        finally:
            shutil.rmtree(server.folder, ignore_errors=True)
