"""One snippet in a process of its own: its environment, the fork server, limits, killing.

A snippet runs in its own session (process group), as ``__main__``, in an empty temporary
working directory (with the project's ``data/`` linked in), with one CPU thread and
headless matplotlib; forked from a server that has imported torch (``ForkServer``), with
fresh random state, or started as a new ``python`` (``SNIPPETS_FORKSERVER=0``). While it
runs it is watched: over its time limit, its memory budget (the resident memory of its
whole process group) or its stdout cap, the group is killed and the error names the
snippet and the limit. At its end the whole group is killed, so nothing it started
outlives it; only then is what it wrote checked (``Limits.check``). POSIX only.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib.metadata
import importlib.util
import multiprocessing
import multiprocessing.connection
import multiprocessing.context
import multiprocessing.forkserver
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tools import sandbox
from tools.cache import SnippetError, show_stderr
from tools.site import ROOT, Paths
from tools.workaround_mp_tempdir import forget_temp_dir

CHILD = ROOT / "tools" / "_child.py"
PRELOAD = ("torch", "torchvision")  # imported once by the fork server
FORKSERVER = (
    os.environ.get("SNIPPETS_FORKSERVER", "1") != "0"
    and "forkserver" in multiprocessing.get_all_start_methods()
)
POLL = 0.5  # seconds between checks of a running snippet's limits
# Process.start() in one thread polls every child the process has (multiprocessing's
# _cleanup): a snippet's exit status is read under this lock, or the two race for it and
# one gets the EOF multiprocessing reports as status 255. Process-wide, as that list is.
START_LOCK = threading.Lock()
# A started snippet: its pid (its process group's id), "ended within s seconds?", its status.
Started = tuple[int, Callable[[float], bool], Callable[[], int]]


def env_number(name: str, default: float) -> float:
    value = os.environ.get(name)
    try:
        return float(value) if value else default
    except ValueError:
        raise SnippetError(f"{name}={value!r} is not a number") from None


def device_fingerprint() -> str:
    """The accelerator a snippet will find, probed without importing torch (2 s)."""
    if os.environ.get("SNIPPETS_DEVICE"):
        return os.environ["SNIPPETS_DEVICE"]
    if os.environ.get("CUDA_VISIBLE_DEVICES", None) not in ("", "-1") and (
        Path("/proc/driver/nvidia/gpus").is_dir() or shutil.which("nvidia-smi")
    ):
        return "cuda"
    if sys.platform == "darwin" and platform.machine() == "arm64":
        return "mps"
    return "cpu"


def cpu_pins() -> dict[str, str]:
    """Environment that makes every x86 machine with AVX2 compute as an AVX2 one.

    ATen's vectorised kernels and oneDNN's convolutions pick their code by the CPU's
    instruction set, and AVX-512 kernels round differently from AVX2 ones: the LeNet
    example's test accuracy after one epoch is 78.6 % on an AVX2 machine, 79.0 % on an
    AVX-512 one unpinned, and 78.6 % there pinned. A CPU without AVX2 is not pinned up
    (ATen would run instructions it lacks), nor is any other architecture. A variable
    the user set wins.
    """
    if platform.machine().lower() not in ("x86_64", "amd64"):
        return {}
    try:
        flags = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return {}
    if not re.search(r"^flags\s*:.*\bavx2\b", flags, re.MULTILINE):
        return {}
    pins = {"ATEN_CPU_CAPABILITY": "avx2", "ONEDNN_MAX_CPU_ISA": "AVX2"}
    return {k: os.environ.get(k, v) for k, v in pins.items()}


def torch_version() -> str:
    try:
        return importlib.metadata.version("torch")
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def child_env(out: Path, nice: int) -> dict[str, str]:
    """The environment a snippet runs in (``out``: where it leaves what it wrote): the
    allowed part of the build's (``allowed``) and the runner's settings; ``Processes``
    adds HOME, TMPDIR and matplotlib's folder, in the snippet's temporary folder."""
    env = dict(
        {k: v for k, v in os.environ.items() if sandbox.allowed(k)},
        MPLBACKEND="module://notes_mpl_backend",
        NOTES_FIGURE_DIR=str(out),
        PYTHONIOENCODING="utf-8",
        PYTHONHASHSEED="0",
    )
    env.setdefault("OMP_NUM_THREADS", "1")
    env.update(cpu_pins())
    if nice:
        env["SNIPPETS_NICE"] = str(nice)
    return env


@dataclass(frozen=True)
class Limits:
    timeout: float  # seconds
    memory_mb: float  # resident memory of the snippet's process group
    max_stdout: int  # bytes
    max_figures: int
    max_figure: int  # bytes of one figure

    @classmethod
    def from_env(cls) -> Limits:
        return cls(
            timeout=env_number("SNIPPETS_TIMEOUT", 600),
            memory_mb=env_number("SNIPPETS_MEMORY_MB", 4096),
            max_stdout=int(env_number("SNIPPETS_MAX_STDOUT_KB", 200) * 1024),
            max_figures=int(env_number("SNIPPETS_MAX_FIGURES", 20)),
            max_figure=int(env_number("SNIPPETS_MAX_FIGURE_KB", 2048) * 1024),
        )

    def broken(self, pgid: int, out: Path, seconds: float) -> str:
        """The limit a running snippet is over, or ""."""
        if seconds > self.timeout:
            return f"timed out after {self.timeout:g} s (SNIPPETS_TIMEOUT)"
        size = (out / "stdout.bin").stat().st_size if (out / "stdout.bin").exists() else 0
        if size > self.max_stdout:
            cap = self.max_stdout // 1024
            return f"stdout over its cap of {cap} KB (SNIPPETS_MAX_STDOUT_KB); print less"
        rss = group_rss_mb(pgid)
        if rss > self.memory_mb:
            return (
                f"used {rss:.0f} MiB of memory, over its budget of "
                f"{self.memory_mb:g} MiB (SNIPPETS_MEMORY_MB)"
            )
        return ""

    def check(self, out: Path, returncode: int, where: str) -> None:
        """What a finished child left in ``out`` is a complete, acceptable run."""
        stderr = (out / "stderr.bin").read_bytes() if (out / "stderr.bin").exists() else b""
        if returncode != 0 or not (out / "meta.json").exists():
            tail = "\n".join(show_stderr(stderr).rstrip().splitlines()[-25:])
            why = f"exited with status {returncode}" if returncode >= 0 else ""
            why = why or f"was killed by signal {-returncode}"
            raise SnippetError(f"{where}: {why}\n{tail}")
        stdout = (out / "stdout.bin").read_bytes()
        if len(stdout) > self.max_stdout:
            raise SnippetError(
                f"{where}: stdout over its cap of {self.max_stdout // 1024} KB"
                f" (SNIPPETS_MAX_STDOUT_KB; it printed {len(stdout)} bytes); print less"
            )
        try:
            stdout.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = stdout[: exc.start].count(b"\n") + 1
            raise SnippetError(
                f"{where}: stdout is not UTF-8 (byte {exc.start}, line {line}"
                f" of its output: {stdout[exc.start : exc.start + 4]!r})"
            ) from None
        figures = list(out.glob("figure-*.png"))
        if len(figures) > self.max_figures:
            raise SnippetError(
                f"{where}: showed {len(figures)} figures, over "
                f"{self.max_figures} (SNIPPETS_MAX_FIGURES)"
            )
        for fig in figures + list(out.glob("dark-*.png")):
            if fig.stat().st_size > self.max_figure:
                raise SnippetError(
                    f"{where}: {fig.name} is {fig.stat().st_size // 1024} KB,"
                    f" over {self.max_figure // 1024} KB (SNIPPETS_MAX_FIGURE_KB)"
                )


def group_rss_mb(pgid: int) -> float:
    """Resident memory of every process in group ``pgid``, in MiB (Linux; else 0)."""
    total = 0
    page = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
    try:
        names = os.listdir("/proc")
    except OSError:
        return 0.0
    for name in names:
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:  # fields after the name: state, ppid, pgrp, ...
            total += int(fields[21]) * page
    return total / 2**20


def kill_group(pgid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signal.SIGKILL)


def _child_run(*args: object) -> None:
    from tools import _child  # imported in the forked child (the server preloads it)

    _child.run(*args)  # type: ignore[arg-type]


class ForkServer:
    """The fork server, started once with torch and torchvision imported.

    Importing them takes 2-3 s, most of a short snippet's run; each snippet is a fork of
    this server instead, still a process of its own. Variables read only at interpreter
    start (hash seed, stdio encoding, thread count) are set when the server starts, and
    so is ``sys.path``: MkDocs restores ``sys.path`` after loading a hook file, so under
    the ``mkdocs`` console script the project would not be importable in the server.
    """

    def __init__(self) -> None:
        self.ctx: multiprocessing.context.ForkServerContext | None = None
        # Every snippet gets the reading end: it ends when this process dies, however
        # (the server itself lives as long as any of its children).
        self.watch, self.alive = multiprocessing.Pipe(duplex=False)

    def context(self, env: dict[str, str]) -> multiprocessing.context.ForkServerContext:
        """The started server's context (call under ``START_LOCK``)."""
        if self.ctx is None:
            ctx = multiprocessing.get_context("forkserver")
            preload = [m for m in PRELOAD if importlib.util.find_spec(m)]
            ctx.set_forkserver_preload(["tools._child", *preload])
            saved_env, saved_path = dict(os.environ), list(sys.path)
            saved_tmp = tempfile.tempdir
            # The server's environment is what every snippet's /proc/self/environ shows:
            # the snippets' own, never the build's (tokens); multiprocessing's folder in
            # this process's run folder.
            os.environ.clear()
            os.environ.update({k: v for k, v in env.items() if k not in ("SNIPPETS_NICE",)})
            if len(str(sandbox.run_folder())) < 64:  # its socket's path has 108 bytes
                tempfile.tempdir = str(sandbox.run_folder())
            if str(ROOT) not in sys.path:
                sys.path.insert(0, str(ROOT))
            try:
                multiprocessing.forkserver.ensure_running()
            finally:
                os.environ.clear()
                os.environ.update(saved_env)
                sys.path[:] = saved_path
                tempfile.tempdir = saved_tmp
            self.ctx = ctx
            atexit.register(self.stop)
        return self.ctx

    def stop(self) -> None:
        """End the server at this process's exit at once: on its own it would wait for
        this process's end, then take seconds to tear down torch."""
        for name in os.listdir("/proc") if os.path.isdir("/proc") else []:
            with contextlib.suppress(OSError, IndexError, ValueError):
                stat = Path(f"/proc/{name}/stat").read_bytes().rsplit(b")", 1)[1].split()
                cmd = Path(f"/proc/{name}/cmdline").read_bytes()
                if int(stat[1]) == os.getpid() and b"multiprocessing.forkserver" in cmd:
                    os.kill(int(name), signal.SIGTERM)


class Processes:
    """Starts the snippets of the project at ``root`` and watches them to their end."""

    def __init__(self, root: Path, limits: Limits) -> None:
        self.root, self.limits = root, limits
        self.running: set[int] = set()  # process groups of the snippets running now
        self.watching: dict[int, int] = {}  # thread ident -> the group it watches now
        self.server = ForkServer()
        self.stopped = False  # kill_all was called: nothing starts any more
        self.said = False  # the line saying the sandbox is off was logged
        self.log: Callable[[str], None] = lambda msg: None
        sandbox.stop_on_sigterm()
        sandbox.remove_dead_folders()

    def run(self, snippet: Path, out: Path, env: dict[str, str], where: str) -> int:
        """Run ``snippet`` (its files go to ``out``); its exit status. Raises
        ``SnippetError`` when it broke a limit. Its whole group is killed before this
        returns, whatever happens."""
        if self.stopped:
            raise SnippetError(f"{where}: not run, the runner is stopping")
        self._say_sandbox()
        data = Paths(self.root).data
        data.mkdir(exist_ok=True)  # downloads land in the project's data/, kept
        box = Path(tempfile.mkdtemp(prefix="snippet-", dir=sandbox.run_folder()))
        try:  # writable in the sandbox: box (work, home, tmp), out and data/
            cwd = box / "work"
            cwd.mkdir()
            (cwd / "data").symlink_to(data, target_is_directory=True)
            env = sandbox.snippet_env(box, env)
            start = self._fork if FORKSERVER else self._popen
            return self._watch(start(snippet, out, str(cwd), env), out, where)
        finally:
            shutil.rmtree(box, ignore_errors=True)

    def _say_sandbox(self) -> None:
        """One line when snippets run without a sandbox; an error if one is required."""
        problem = sandbox.problem()
        if problem and os.environ.get("SNIPPETS_SANDBOX") == "required":
            raise SnippetError(f"no sandbox for snippets (SNIPPETS_SANDBOX=required): {problem}")
        if problem and not self.said:
            self.said = True
            self.log(
                f"snippets run without a sandbox ({problem}): only the audit-hook guard "
                "keeps them out of the project; SNIPPETS_SANDBOX=required makes this an error"
            )

    def _fork(self, snippet: Path, out: Path, cwd: str, env: dict[str, str]) -> Started:
        with START_LOCK:
            args = (snippet, out, self.root, cwd, env, self.server.watch)
            proc = self.server.context(env).Process(target=_child_run, args=args)
            forget_temp_dir(proc)  # its multiprocessing folder: in its TMPDIR, not ours
            proc.start()

        def status() -> int:
            with START_LOCK:  # read once from the sentinel pipe (see START_LOCK)
                proc.join()
                return proc.exitcode if proc.exitcode is not None else -1

        ended = lambda s: bool(multiprocessing.connection.wait([proc.sentinel], s))  # noqa: E731
        assert proc.pid is not None
        return proc.pid, ended, status

    def _popen(self, snippet: Path, out: Path, cwd: str, env: dict[str, str]) -> Started:
        with open(out / "stderr.bin", "wb") as err:
            cmd = [sys.executable, str(CHILD), str(snippet), str(out), str(self.root)]
            popen = subprocess.Popen(
                cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=err, start_new_session=True
            )

        def ended(seconds: float) -> bool:
            try:
                popen.wait(seconds)
            except subprocess.TimeoutExpired:
                return False
            return True

        return popen.pid, ended, popen.wait

    def _watch(self, started: Started, out: Path, where: str) -> int:
        pid, ended, status = started
        self.running.add(pid)
        self.watching[threading.get_ident()] = pid
        start, problem = time.monotonic(), ""
        try:
            while not ended(POLL):  # returns as soon as the child exits
                problem = self.limits.broken(pid, out, time.monotonic() - start)
                if problem:
                    break
        finally:
            kill_group(pid)
            self.running.discard(pid)
            self.watching.pop(threading.get_ident(), None)
        code = status()
        if problem:
            raise SnippetError(f"{where}: {problem}")
        return code

    def kill_all(self) -> None:
        """Kill every running snippet; none starts after this (the process is ending)."""
        self.stopped = True
        for pgid in list(self.running):
            kill_group(pgid)

    def cancel(self, thread: int) -> None:
        """Kill the snippet that thread ``thread`` runs now, if any (its run then fails as
        killed by a signal): ``mkdocs serve`` drops a run whose snippet was saved again."""
        pgid = self.watching.get(thread)
        if pgid is not None:
            kill_group(pgid)
