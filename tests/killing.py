"""Start a command, signal it once its snippet runs, and say what it left running.

``python -m tests.killing SPEC`` (SPEC: JSON with ``cmd``, ``cwd``, ``env``, ``started``:
a file the snippet creates when it runs, ``signal``). This process is a child subreaper
(``PR_SET_CHILD_SUBREAPER``), so every process the command started, whatever session
it made, stays its descendant when its parent dies: the report lists, as JSON, the
descendants other than the command alive 2 s after the signal (``left``), whether the
command itself ended within 20 s (``ended``), and whether the snippet had started.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

PR_SET_CHILD_SUBREAPER = 36


def descendants() -> dict[int, str]:
    """Live (not zombie) descendants of this process, with their command lines."""
    parent: dict[int, int] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            stat = Path(f"/proc/{name}/stat").read_bytes().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        if stat[0] != b"Z":
            parent[int(name)] = int(stat[1])
    mine, me = {}, os.getpid()
    for pid in parent:
        p = pid
        while p in parent and p not in (me, 0, 1):
            p = parent[p]
        if p == me and pid != me:
            with contextlib.suppress(OSError):
                cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
                mine[pid] = cmd.decode(errors="replace")
    return mine


def reap() -> None:
    with contextlib.suppress(ChildProcessError):
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass


def main(spec: dict[str, object]) -> dict[str, object]:
    libc = ctypes.CDLL(None, use_errno=True)
    assert libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    # The command starts as from a terminal, whatever started the tests: a shell ignores
    # SIGINT in what it runs in the background (``pytest &``, ``nohup … &``), the command
    # would inherit that, and a SIGINT would then stop nothing.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    started = Path(str(spec["started"]))
    proc = subprocess.Popen(
        [str(c) for c in spec["cmd"]],  # type: ignore[attr-defined]
        cwd=str(spec["cwd"]),
        env={str(k): str(v) for k, v in spec["env"].items()},  # type: ignore[attr-defined]
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 240
    while not started.exists() and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.1)
    was_started = started.exists()
    if proc.poll() is not None:
        return {"left": [], "ended": True, "started": False, "stderr": proc.communicate()[1]}
    time.sleep(0.5)  # the snippet's grandchild is started too
    os.kill(proc.pid, int(str(spec["signal"])))
    end = time.monotonic() + 2
    left = {}
    while time.monotonic() < end:
        reap()
        left = {pid: cmd for pid, cmd in descendants().items() if pid != proc.pid}
        if not left:
            break
        time.sleep(0.05)
    try:
        proc.wait(20)
        ended = True
    except subprocess.TimeoutExpired:
        ended = False
    for pid in list(descendants()):  # leave nothing behind, whatever the result
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    reap()
    return {"left": sorted(left.values()), "ended": ended, "started": was_started, "stderr": ""}


if __name__ == "__main__":
    print(json.dumps(main(json.loads(sys.argv[1]))))
