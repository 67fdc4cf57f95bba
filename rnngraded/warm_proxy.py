"""A warm kernel's stand-in process on the grader's side (see rnngraded.warm).

Run by path with the standard library only (``python -I -S warm_proxy.py SOCKET REQUEST``), so
that it starts in milliseconds: it hands the request to the fork server, waits for the kernel
to end and exits with its status; if it is killed, the server kills the kernel's sandbox.
"""

import os
import signal
import socket
import sys


def connect(socket_path: str, request_path: str) -> int:
    with open(request_path, "rb") as handle:
        request = handle.read()
    os.unlink(request_path)
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.connect(socket_path)
    client.sendall(request + b"\n")
    reply = b""
    while chunk := client.recv(4096):
        reply += chunk
    *said, status = reply.decode(errors="replace").strip().rsplit("\n", 1) or [""]
    if said and said[0].strip():
        print(f"warm kernel: {said[0].strip()}", file=sys.stderr)
    try:
        return int(status)
    except ValueError:  # the server went away without a word
        return 128 + signal.SIGKILL


if __name__ == "__main__":
    sys.exit(connect(sys.argv[1], sys.argv[2]))
