"""What the sandbox costs one snippet: ``python bench/sandbox.py [RUNS]``.

Runs a trivial snippet (``print(1)``) RUNS times (default 20) through the fork server,
once with the sandbox and once without (``SNIPPETS_SANDBOX=off``), each in a process
of its own, and prints the median wall time per run as the runner sees it and the CPU
time of the snippet's processes (the fork server's children, sandbox setup included).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the project, to import
from tools.site import ROOT  # noqa: E402


def children_cpu(pid: int) -> float:
    """CPU seconds of the waited-for children of process ``pid`` (cutime + cstime)."""
    fields = Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()
    return (int(fields[13]) + int(fields[14])) / os.sysconf("SC_CLK_TCK")


def measure(runs: int) -> dict[str, float]:
    """In this process: ``runs`` runs of a trivial snippet; median wall, mean CPU."""
    from tools import processes

    limits = processes.Limits.from_env()
    procs = processes.Processes(ROOT, limits)
    with tempfile.TemporaryDirectory() as tmp:
        snippet = Path(tmp, "trivial.py")
        snippet.write_text("print(1)\n", encoding="utf-8")
        walls, cpu0, server = [], 0.0, 0
        for i in range(runs + 1):  # the first starts the fork server: not counted
            out = Path(tempfile.mkdtemp(dir=tmp))
            start = time.perf_counter()
            code = procs.run(snippet, out, processes.child_env(out, 0), "trivial.py")
            assert code == 0, (out / "stderr.bin").read_text()
            if i == 0:
                server = next(
                    int(p)
                    for p in os.listdir("/proc")
                    if p.isdigit()
                    and b"multiprocessing.forkserver" in Path(f"/proc/{p}/cmdline").read_bytes()
                    and int(Path(f"/proc/{p}/stat").read_bytes().rsplit(b")", 1)[1].split()[1])
                    == os.getpid()
                )
                cpu0 = children_cpu(server)
            else:
                walls.append(time.perf_counter() - start)
        cpu = (children_cpu(server) - cpu0) / runs
    return {"wall_ms": statistics.median(walls) * 1000, "cpu_ms": cpu * 1000}


def main() -> None:
    if sys.argv[1:2] == ["--one"]:
        print(json.dumps(measure(int(sys.argv[2]))))
        return
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    load = os.getloadavg()[0]
    for label, sandbox in (("sandbox", "on"), ("no sandbox", "off")):
        env = dict(os.environ, SNIPPETS_SANDBOX=sandbox, SNIPPETS_FORKSERVER="1")
        cmd = [sys.executable, __file__, "--one", str(runs)]
        r = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
        m = json.loads(r.stdout)
        print(f"{label:<11} {m['wall_ms']:6.0f} ms wall (median)  {m['cpu_ms']:6.0f} ms CPU")
    print(f"{runs} runs each; load average {load:.1f} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
