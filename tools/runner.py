"""Execute snippets in fresh processes and cache what they print and draw.

One runner serves the MkDocs hook (``tools/hooks.py``), ``pytest --codeblocks``
(``conftest.py``) and ``python -m tools.runner``, so a snippet executes at most once for
all of them. A result is cached under ``.cache/snippets/<key>/`` where the key hashes the
snippet's path and source, the torch version, the device and this runner's own code; the
files the snippet read under the repository (data sets) are recorded with their hashes and
must still match for a hit.

How a snippet runs (``Runner.result``):

* in a process of its own, in its own session (process group), as ``__main__``, in an
  empty temporary working directory (with ``data/`` linked in), one CPU thread, headless
  matplotlib; forked from a server that has imported torch (see ``_fork_server``) with
  fresh random state, or started as a new ``python`` (``SNIPPETS_FORKSERVER=0``);
* watched while it runs: over its time limit, its memory budget (the resident memory of
  its whole process group) or its stdout cap, the group is killed and the error names the
  snippet and the limit;
* at its end the whole group is killed, so nothing it started outlives it;
* only then does the runner read what it wrote (outside the project and the cache), check
  it (exit status, UTF-8 stdout, number and size of figures) and write the cache entry,
  with a SHA-256 of each file. An entry that is unreadable, malformed or was changed
  afterwards is reported and run again.

A snippet may not write into the project (``tools/_child.py`` refuses it, naming file and
snippet). ``Runner.run_all`` runs many snippets in parallel, longest first (by their last
known duration), with progress; ``Background`` does the same without waiting, for
``mkdocs serve``. POSIX only (fork server, sessions, ``fcntl`` locks).

Environment variables:
  SNIPPETS_CACHE_DIR      cache folder (default ``<root>/.cache/snippets``)
  SNIPPETS_TIMEOUT        seconds one snippet may run (default 600)
  SNIPPETS_MEMORY_MB      resident memory budget of a snippet's processes (default 4096)
  SNIPPETS_MAX_STDOUT_KB  stdout cap (default 200)
  SNIPPETS_MAX_FIGURES    figures one snippet may show (default 20), each at most
  SNIPPETS_MAX_FIGURE_KB  (default 2048)
  SNIPPETS_JOBS           snippets run at once by ``run_all`` (default: the CPU count)
  SNIPPETS_REQUIRE_CACHED ``1``: a missing or stale result is an error, never a run (CI's
                          build after the tests, to prove it executes nothing)
  SNIPPETS_DEVICE         device label for the cache key, instead of a cheap probe
  SNIPPETS_FORKSERVER     ``0``: start each snippet as a new ``python`` instead of forking
                          it from a server that has imported torch (see ``_fork_server``)
  SNIPPETS_SERVE_WAIT     seconds a ``mkdocs serve`` build waits for the snippets it needs
                          first before it shows placeholders for them (default 30)
  SNIPPETS_SESSION        set by ``conftest.py`` for one pytest run: a snippet that failed
                          in it is reported again, not run again

Snippets run with one CPU thread (``OMP_NUM_THREADS=1``) unless ``OMP_NUM_THREADS`` is
set (it then joins the cache key). The thread count changes the rounding of parallel sums,
so a fixed one makes every machine size print the same numbers, and parallel snippets do
not oversubscribe the cores. For the same reason an x86 CPU with AVX-512 computes with
the AVX2 kernels (``ATEN_CPU_CAPABILITY=avx2``, ``ONEDNN_MAX_CPU_ISA=AVX2``; see
``cpu_pins``), both also in the cache key.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import fcntl
import hashlib
import importlib.metadata
import importlib.util
import json
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
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
CHILD = TOOLS / "_child.py"
ROOT = TOOLS.parent
PRELOAD = ("torch", "torchvision")  # imported once by the fork server
FORKSERVER = (
    os.environ.get("SNIPPETS_FORKSERVER", "1") != "0"
    and "forkserver" in multiprocessing.get_all_start_methods()
)
# Seconds the long examples took on the 2-core CI machine: the order of a first run (on a
# fresh clone nothing has been timed yet), so the longest start first. Rough is enough.
FIRST_RUN_HINTS = {
    "snippets/examples/fast_training.py": 140,
    "snippets/examples/sine_tuning.py": 80,
    "snippets/examples/lenet_fashion_mnist.py": 115,
    "snippets/examples/quickstart.py": 100,
    "snippets/examples/sine_fewer_epochs.py": 40,
}
POLL = 0.5  # seconds between checks of a running snippet's limits


class SnippetError(Exception):
    """A snippet failed, broke a limit or has no cached result where one is required."""


@dataclass(frozen=True)
class Cell:
    """What one ``# %%`` cell printed and drew (a plain script is a single cell)."""

    line: int  # first line of the cell in the snippet
    stdout: str
    figures: tuple[Path, ...]
    stderr: str = ""


@dataclass(frozen=True)
class Result:
    snippet: str  # path relative to the repository root
    stdout: str
    figures: tuple[Path, ...]
    device: str
    torch: str
    seconds: float  # wall time of the run, shown on the page
    cpu_seconds: float  # CPU time of the run (all threads)
    cells: tuple[Cell, ...] = ()
    stderr: str = ""  # what it printed to stderr (warnings), shown under its output
    ran_at: float = 0.0  # when the run ended (seconds since the epoch)
    dark: tuple[Path, ...] = ()  # each figure recoloured for a dark page (same run)
    described: tuple[dict[str, object], ...] = ()  # each figure's words, for its alt text

    @property
    def label(self) -> str:
        return run_label(self.device, self.torch, self.seconds)


def run_label(device: str, torch: str, seconds: float) -> str:
    """How a run is captioned on the page: device, torch version, time."""
    shown = f"{seconds:.2f}" if seconds < 1 else f"{seconds:.1f}"
    return f"{device} · torch {torch} · {shown} s"


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


_file_hashes: dict[tuple[str, int, int], str] = {}


def file_hash(path: Path) -> str | None:
    """Content hash of a file, memoized by (path, mtime, size); None if it is gone."""
    try:
        st = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return None
    key = (str(path), st.st_mtime_ns, st.st_size)
    if key not in _file_hashes:
        _file_hashes[key] = _sha256(path.read_bytes())
    return _file_hashes[key]


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


def env_number(name: str, default: float) -> float:
    value = os.environ.get(name)
    try:
        return float(value) if value else default
    except ValueError:
        raise SnippetError(f"{name}={value!r} is not a number") from None


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """An exclusive lock held through the file ``path``, which is removed afterwards.

    The file is unlinked while locked; a waiter that then gets the lock of the removed
    file sees that the path now names another file (or none) and tries again.
    """
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            if os.fstat(fd).st_ino == os.stat(path).st_ino:
                break
        except FileNotFoundError:
            pass
        os.close(fd)
    try:
        yield
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
        os.close(fd)


class _CacheEntryError(Exception):
    """A cache entry that cannot be used as it is."""


class Runner:
    def __init__(self, root: Path = ROOT, cache_dir: Path | None = None) -> None:
        self.root = root.resolve()
        env_cache = os.environ.get("SNIPPETS_CACHE_DIR")
        self.cache = Path(cache_dir or env_cache or self.root / ".cache" / "snippets")
        self.timeout = env_number("SNIPPETS_TIMEOUT", 600)
        self.memory_mb = env_number("SNIPPETS_MEMORY_MB", 4096)
        self.max_stdout = int(env_number("SNIPPETS_MAX_STDOUT_KB", 200) * 1024)
        self.max_figures = int(env_number("SNIPPETS_MAX_FIGURES", 20))
        self.max_figure = int(env_number("SNIPPETS_MAX_FIGURE_KB", 2048) * 1024)
        self.require_cached = os.environ.get("SNIPPETS_REQUIRE_CACHED") == "1"
        self.log: Callable[[str], None] = lambda msg: None
        self.running: set[int] = set()  # process groups of the snippets running now
        self.nice = 0  # > 0: snippets yield the CPU to the server's builds (mkdocs serve)
        # Within one test session (SNIPPETS_SESSION, set by conftest.py) a snippet that
        # failed is reported again from a note instead of being run again.
        self.session = os.environ.get("SNIPPETS_SESSION", "")
        self.executed: set[str] = set()  # snippets this process ran (not from the cache)
        self._salt = "|".join(
            [
                torch_version(),
                device_fingerprint(),
                file_hash(CHILD) or "",
                file_hash(TOOLS / "notes_mpl_backend.py") or "",
            ]
            + (
                [f"threads={os.environ['OMP_NUM_THREADS']}"]
                if "OMP_NUM_THREADS" in os.environ
                else []
            )
            + [f"{k}={v}" for k, v in sorted(cpu_pins().items())]
        )

    def rel(self, snippet: Path) -> str:
        return snippet.resolve().relative_to(self.root).as_posix()

    def key(self, snippet: Path) -> str:
        return _sha256(f"{self.rel(snippet)}|{self._salt}|".encode() + snippet.read_bytes())[:24]

    # -- results ---------------------------------------------------------------------

    def cached(self, snippet: Path) -> Result | None:
        """The cached result of ``snippet`` if there is a valid one; never runs it."""
        snippet = snippet.resolve()
        entry = self.cache / self.key(snippet)
        if not entry.exists():
            return None
        try:
            return self._load(snippet, entry)
        except _CacheEntryError as exc:
            self.log(f"{self.rel(snippet)}: cache entry {entry.name} {exc}; it will run again")
            return None

    def result(self, snippet: Path, context: str = "") -> Result:
        """The cached result of ``snippet``, running it first if needed.

        ``context`` (e.g. the page that shows the snippet) goes into error messages.
        """
        snippet = snippet.resolve()
        entry = self.cache / self.key(snippet)
        self.cache.mkdir(parents=True, exist_ok=True)
        with locked(self.cache / f"{entry.name}.lock"):  # parallel workers run it once
            cached = self.cached(snippet)
            if cached is not None:
                return cached
            rel = self.rel(snippet)
            if self.require_cached:
                raise SnippetError(
                    f"{rel}{context}: no cached output for this source and data "
                    "(SNIPPETS_REQUIRE_CACHED=1); run the tests first"
                )
            failed = self._failed_this_session(entry)
            if failed:  # one pytest run reports a failure without running it again
                raise SnippetError(f"{rel}{context}: {failed}")
            self.log(f"Running snippet {rel} …")
            try:
                self._execute(snippet, entry, context)
            except SnippetError as exc:
                self._remember_failure(entry, str(exc).split(": ", 1)[-1])
                raise
            try:
                loaded = self._load(snippet, entry)
            except _CacheEntryError as exc:  # changed between writing and reading it
                raise SnippetError(f"{rel}{context}: its cache entry {exc}") from None
            if loaded is None:
                raise SnippetError(f"{rel}{context}: a data file it read changed while it ran")
            self.log(f"Ran snippet {rel} in {loaded.seconds:.1f} s")
            return loaded

    def _failure_file(self, entry: Path) -> Path:
        return self.cache / f"{entry.name}.failed"

    def _failed_this_session(self, entry: Path) -> str | None:
        """The failure of this snippet earlier in the same test session, if any."""
        if not self.session:
            return None
        try:
            data = json.loads(self._failure_file(entry).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return str(data["error"]) if data.get("session") == self.session else None

    def _remember_failure(self, entry: Path, error: str) -> None:
        if self.session:
            self._failure_file(entry).write_text(
                json.dumps({"session": self.session, "error": error}), encoding="utf-8"
            )

    def forget_failures(self) -> None:
        """Remove this session's failure notes (at the end of the test session)."""
        for path in self.cache.glob("*.failed"):
            path.unlink(missing_ok=True)

    def _load(self, snippet: Path, entry: Path) -> Result | None:
        """The entry's result; None when a data file the snippet read has changed."""
        try:
            data = json.loads((entry / "result.json").read_text(encoding="utf-8"))
            files: dict[str, str] = data["files"]
            for name, digest in files.items():
                if file_hash(entry / name) != digest:
                    raise _CacheEntryError(f"was changed outside the runner ({name})")
            if any(file_hash(self.root / p) != h for p, h in data["deps"].items()):
                return None  # a data file it read has changed
            figures = tuple(entry / name for name in data["figures"])
            stdout_b = (entry / "stdout.bin").read_bytes()
            stderr_b = (entry / "stderr.bin").read_bytes()
            cells, starts = [], (0, 0, 0)
            for c in data["cells"]:
                ends = (c["stdout_end"], c["stderr_end"], c["figures_end"])
                cells.append(
                    Cell(
                        c["line"],
                        stdout_b[starts[0] : ends[0]].decode("utf-8"),
                        figures[starts[2] : ends[2]],
                        _show_stderr(stderr_b[starts[1] : ends[1]]),
                    )
                )
                starts = ends
            return Result(
                snippet=self.rel(snippet),
                stdout=stdout_b.decode("utf-8"),
                figures=figures,
                device=str(data["device"]),
                torch=str(data["torch"]),
                seconds=float(data["seconds"]),
                cpu_seconds=float(data["cpu_seconds"]),
                cells=tuple(cells),
                stderr=_show_stderr(stderr_b),
                ran_at=float(data["ran_at"]),
                dark=tuple(entry / name for name in data["dark"]),
                described=tuple(
                    json.loads((entry / name).read_text("utf-8")) for name in data["described"]
                ),
            )
        except _CacheEntryError:
            raise
        except FileNotFoundError as exc:
            raise _CacheEntryError(
                f"is incomplete ({Path(str(exc.filename)).name} is missing)"
            ) from None
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise _CacheEntryError(f"is malformed ({type(exc).__name__}: {exc})") from None

    # -- running -----------------------------------------------------------------------

    def _execute(self, snippet: Path, entry: Path, context: str) -> None:
        rel = self.rel(snippet)
        where = f"{rel}{context}"
        data = self.root / "data"
        data.mkdir(exist_ok=True)  # downloads land in the repository's data/, kept
        out = Path(tempfile.mkdtemp(prefix="snippet-out-"))  # outside project and cache
        env = dict(
            os.environ,
            MPLBACKEND="module://notes_mpl_backend",
            NOTES_FIGURE_DIR=str(out),
            PYTHONIOENCODING="utf-8",
            PYTHONHASHSEED="0",
        )
        env.setdefault("OMP_NUM_THREADS", "1")
        env.update(cpu_pins())
        if self.nice:
            env["SNIPPETS_NICE"] = str(self.nice)
        start = time.perf_counter()
        try:
            with tempfile.TemporaryDirectory(prefix="snippet-") as cwd:
                (Path(cwd) / "data").symlink_to(data, target_is_directory=True)
                returncode = self._spawn(snippet, out, cwd, env, where)
            self._record_duration(rel, time.perf_counter() - start)
            self.executed.add(rel)
            self._check(out, returncode, where)
            self._store(out, entry)
        finally:  # every execution is logged, including failed and timed-out ones
            shutil.rmtree(out, ignore_errors=True)
            with open(self.cache / "executions.log", "a", encoding="utf-8") as log:
                log.write(f"{rel}\t{entry.name}\t{time.time():.0f}\n")

    def _spawn(self, snippet: Path, out: Path, cwd: str, env: dict[str, str], where: str) -> int:
        """Run the child in a session of its own and watch it; its exit status.

        Whatever happens, its whole process group is killed before this returns.
        """
        if FORKSERVER:
            with _start_lock:
                proc = _fork_server(env).Process(
                    target=_child_run, args=(snippet, out, self.root, cwd, env)
                )
                proc.start()
            pid = proc.pid

            def ended(seconds: float) -> bool:
                return bool(multiprocessing.connection.wait([proc.sentinel], seconds))
        else:
            with open(out / "stderr.bin", "wb") as err:
                popen = subprocess.Popen(
                    [sys.executable, str(CHILD), str(snippet), str(out), str(self.root)],
                    cwd=cwd,
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=err,
                    start_new_session=True,
                )
            pid = popen.pid

            def ended(seconds: float) -> bool:
                try:
                    popen.wait(seconds)
                except subprocess.TimeoutExpired:
                    return False
                return True

        assert pid is not None
        self.running.add(pid)
        start, problem = time.monotonic(), ""
        try:
            while not ended(POLL):  # returns as soon as the child exits
                problem = self._over_limit(pid, out, time.monotonic() - start)
                if problem:
                    break
        finally:
            _kill_group(pid)
            self.running.discard(pid)
        if FORKSERVER:
            # The exit status is read once from the sentinel pipe. Process.start() in
            # another thread polls every child it knows of (multiprocessing's _cleanup);
            # racing it here, one read gets the status and the other an EOF, which
            # multiprocessing reports as status 255. Read it under the start lock.
            with _start_lock:
                proc.join()
                code = proc.exitcode if proc.exitcode is not None else -1
        else:
            code = popen.wait()
        if problem:
            raise SnippetError(f"{where}: {problem}")
        return code

    def _over_limit(self, pid: int, out: Path, seconds: float) -> str:
        if seconds > self.timeout:
            return f"timed out after {self.timeout:g} s (SNIPPETS_TIMEOUT)"
        size = (out / "stdout.bin").stat().st_size if (out / "stdout.bin").exists() else 0
        if size > self.max_stdout:
            return (
                f"stdout over its cap of {self.max_stdout // 1024} KB "
                "(SNIPPETS_MAX_STDOUT_KB); print less"
            )
        rss = _group_rss_mb(pid)
        if rss > self.memory_mb:
            return (
                f"used {rss:.0f} MiB of memory, over its budget of "
                f"{self.memory_mb:g} MiB (SNIPPETS_MEMORY_MB)"
            )
        return ""

    def _check(self, out: Path, returncode: int, where: str) -> None:
        """What a finished child left in ``out`` is a complete, acceptable run."""
        stderr = (out / "stderr.bin").read_bytes() if (out / "stderr.bin").exists() else b""
        if returncode != 0 or not (out / "meta.json").exists():
            tail = "\n".join(_show_stderr(stderr).rstrip().splitlines()[-25:])
            why = (
                f"exited with status {returncode}"
                if returncode >= 0
                else f"was killed by signal {-returncode}"
            )
            raise SnippetError(f"{where}: {why}\n{tail}")
        stdout = (out / "stdout.bin").read_bytes()
        if len(stdout) > self.max_stdout:
            raise SnippetError(
                f"{where}: stdout over its cap of {self.max_stdout // 1024} KB"
                f" (SNIPPETS_MAX_STDOUT_KB; it printed {len(stdout)} bytes); "
                "print less"
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
        figures_dark = list(out.glob("dark-*.png"))
        if len(figures) > self.max_figures:
            raise SnippetError(
                f"{where}: showed {len(figures)} figures, over "
                f"{self.max_figures} (SNIPPETS_MAX_FIGURES)"
            )
        for fig in figures + figures_dark:
            if fig.stat().st_size > self.max_figure:
                raise SnippetError(
                    f"{where}: {fig.name} is {fig.stat().st_size // 1024} KB,"
                    f" over {self.max_figure // 1024} KB "
                    "(SNIPPETS_MAX_FIGURE_KB)"
                )

    def _store(self, out: Path, entry: Path) -> None:
        """Write the cache entry from a checked run: files first, result.json last."""
        meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
        staging = Path(tempfile.mkdtemp(prefix=f".{entry.name}.", dir=self.cache))
        try:
            figures = sorted((p.name for p in out.glob("figure-*.png")), key=lambda n: int(n[7:-4]))
            # The backend writes a dark variant and a description beside each figure.
            dark = [f"dark-{n[7:]}" for n in figures if (out / f"dark-{n[7:]}").exists()]
            described = [f"{n[:-4]}.json" for n in figures if (out / f"{n[:-4]}.json").exists()]
            names = ["stdout.bin", "stderr.bin"] + figures + dark + described
            for name in names:
                if (out / name).exists():
                    shutil.copyfile(out / name, staging / name)
                else:
                    (staging / name).write_bytes(b"")
            result = dict(
                device=meta["device"],
                torch=meta["torch"],
                seconds=meta["seconds"],
                cpu_seconds=meta["cpu_seconds"],
                cells=meta["cells"],
                figures=figures,
                ran_at=time.time(),
                dark=dark if len(dark) == len(figures) else [],
                described=described if len(described) == len(figures) else [],
                deps={p: file_hash(self.root / p) for p in meta["deps"]},
                files={n: _sha256((staging / n).read_bytes()) for n in names},
            )
            (staging / "result.json").write_text(json.dumps(result), encoding="utf-8")
            shutil.rmtree(entry, ignore_errors=True)
            staging.rename(entry)
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    # -- many at once ------------------------------------------------------------------

    def _durations_file(self) -> Path:
        return self.cache / "durations.json"

    def durations(self) -> dict[str, float]:
        """Last known wall time of each snippet (by path), for ordering and estimates."""
        try:
            data = json.loads(self._durations_file().read_text(encoding="utf-8"))
            return {str(k): float(v) for k, v in data.items()}
        except (OSError, ValueError, AttributeError, TypeError):
            return {}

    def _record_duration(self, rel: str, seconds: float) -> None:
        with _durations_lock:
            data = self.durations()
            data[rel] = round(seconds, 2)
            tmp = self._durations_file().with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps(data, sort_keys=True), encoding="utf-8")
            tmp.replace(self._durations_file())

    def estimate(self, snippet: Path, known: dict[str, float]) -> float:
        """Seconds ``snippet`` is expected to take: its last run here, else a first-run
        hint, else a guess (whole examples, in percent format, are the long ones)."""
        rel = self.rel(snippet)
        if rel in known:
            return known[rel]
        if rel in FIRST_RUN_HINTS:
            return FIRST_RUN_HINTS[rel]
        text = snippet.read_text(encoding="utf-8", errors="replace")
        return 30.0 if "\n# %%" in text else 1.0

    def run_all(
        self,
        snippets: Sequence[Path],
        jobs: int | None = None,
        contexts: dict[Path, str] | None = None,
        progress: Callable[[str], None] | None = None,
    ) -> dict[Path, Result | SnippetError]:
        """Results of all ``snippets``, running the missing ones ``jobs`` at a time.

        The longest (by last known duration) start first, so the slow ones do not end up
        alone at the end. Failures are returned, not raised. ``progress`` gets a line
        every few seconds: done / total, the slowest still running, time left.
        """
        snippets = list(dict.fromkeys(p.resolve() for p in snippets))
        contexts = contexts or {}
        out: dict[Path, Result | SnippetError] = {}
        todo = []
        for s in snippets:
            hit = self.cached(s)
            if hit is not None:
                out[s] = hit
            else:
                todo.append(s)
        if not todo:
            return out
        if self.require_cached:
            for s in todo:
                out[s] = SnippetError(
                    f"{self.rel(s)}{contexts.get(s, '')}: no cached output"
                    " for this source and data (SNIPPETS_REQUIRE_CACHED=1);"
                    " run the tests first"
                )
            return out
        known = self.durations()
        todo.sort(key=lambda s: -self.estimate(s, known))
        board = _Board(self, todo, known, progress or self.log, jobs or default_jobs())
        with concurrent.futures.ThreadPoolExecutor(board.jobs) as pool:
            futures = {pool.submit(board.run, s, contexts.get(s, "")): s for s in todo}
            pending = set(futures)
            while pending:  # a line at least every 15 s, also while long ones run
                done, pending = concurrent.futures.wait(pending, timeout=15)
                for future in done:
                    out[futures[future]] = future.result()
                if not done:
                    with board.lock:
                        board.last = 0.0
                        board.report()
        return {s: out[s] for s in snippets}


VARIES = re.compile(r"^# output varies: (?P<why>.+)$", re.M)


def varies(snippet: Path) -> str | None:
    """Why ``snippet``'s output changes from run to run (its ``# output varies: why``
    comment), or None: then two runs must print exactly the same (tests check it)."""
    m = VARIES.search(snippet.read_text(encoding="utf-8"))
    return m.group("why").strip() if m else None


_TIMING = re.compile(r"\d+(?:\.\d+)?(?=\s?(?:s|ms|µs|s/epoch|x|×)(?![\w/]))")


def mask_timings(text: str) -> str:
    """``text`` with every time (``1.2 s``, ``3 ms``, ``0.45 s/epoch``) and speed-up
    (``2.1x``) replaced by ``#``: what may differ between two honest runs."""
    return _TIMING.sub("#", text)


def default_jobs() -> int:
    return max(1, int(env_number("SNIPPETS_JOBS", os.cpu_count() or 1)))


@dataclass
class _Board:
    """Progress of a ``run_all``: what runs, since when, and how long the rest takes."""

    runner: Runner
    todo: list[Path]
    known: dict[str, float]
    say: Callable[[str], None]
    jobs: int
    started: dict[Path, float] = field(default_factory=dict)
    done: int = 0
    failed: int = 0
    last: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def run(self, snippet: Path, context: str) -> Result | SnippetError:
        with self.lock:
            self.started[snippet] = time.monotonic()
        try:
            return self.runner.result(snippet, context)
        except SnippetError as exc:
            with self.lock:
                self.failed += 1
            return exc
        finally:
            with self.lock:
                del self.started[snippet]
                self.done += 1
                self.report()

    def report(self) -> None:
        now = time.monotonic()
        if now - self.last < 3 and self.done < len(self.todo):  # the last one always
            return
        self.last = now
        left = [s for s in self.todo[self.done + len(self.started) :]]
        rest = sum(self.runner.estimate(s, self.known) for s in left) + sum(
            max(0.0, self.runner.estimate(s, self.known) - (now - t))
            for s, t in self.started.items()
        )
        line = f"snippets: {self.done}/{len(self.todo)} run"
        if self.failed:
            line += f", {self.failed} failed"
        if self.started:
            slow, since = min(self.started.items(), key=lambda kv: kv[1])
            line += f"; running {self.runner.rel(slow)} for {now - since:.0f} s"
        if self.done < len(self.todo):
            line += f"; about {rest / self.jobs:.0f} s left"
        self.say(line)


class Background:
    """``run_all`` without waiting, for ``mkdocs serve``: pages are built meanwhile.

    ``state()`` says what a snippet is doing; ``on_change`` is called (from a worker
    thread) when snippets have finished, at most every ``every`` seconds and once after
    the last, so the server rebuilds without rebuilding after each of many short runs.
    """

    def __init__(self, runner: Runner, on_change: Callable[[], None]) -> None:
        self.runner = runner
        self.on_change = on_change
        self.jobs = default_jobs()
        self.pool = concurrent.futures.ThreadPoolExecutor(self.jobs)
        self.since: dict[str, float] = {}  # cache key -> time.time() it started
        self.queued: set[str] = set()
        self.failed: dict[str, SnippetError] = {}
        self.lock = threading.Lock()
        self.every = 3.0
        self._last_change = 0.0
        self._timer: threading.Timer | None = None

    def submit(
        self, snippets: Sequence[Path], contexts: dict[Path, str], first: Collection[Path] = ()
    ) -> None:
        """Queue ``snippets`` (in page order): ``first`` first, then the shortest: a reader
        waits for pages, not for the whole site, so the chapters fill in before the long
        examples."""
        known = self.runner.durations()
        for s in sorted(snippets, key=lambda s: (s not in first, self.runner.estimate(s, known))):
            key = self.runner.key(s)
            with self.lock:
                if key in self.queued or key in self.failed:
                    continue
                self.queued.add(key)
            self.pool.submit(self._run, s, key, contexts.get(s, ""))

    def _run(self, snippet: Path, key: str, context: str) -> None:
        with self.lock:
            self.since[key] = time.time()
        try:
            self.runner.result(snippet, context)
        except SnippetError as exc:
            with self.lock:
                self.failed[key] = exc
        except Exception as exc:  # noqa: BLE001 (a worker thread must report, not die)
            with self.lock:
                self.failed[key] = SnippetError(f"{self.runner.rel(snippet)}: {exc!r}")
        finally:
            with self.lock:
                self.since.pop(key, None)
                self.queued.discard(key)
            self._changed()

    def _changed(self) -> None:
        with self.lock:
            if self._timer is not None:
                return  # a call is already due
            wait = max(0.0, self._last_change + self.every - time.monotonic())
            self._timer = threading.Timer(wait, self._fire)
            self._timer.daemon = True
            self._timer.start()

    def _fire(self) -> None:
        with self.lock:
            self._timer = None
            self._last_change = time.monotonic()
        self.on_change()

    def state(self, snippet: Path) -> tuple[str, float | None]:
        """("failed" | "running" | "queued" | "idle", start time or None)."""
        key = self.runner.key(snippet)
        with self.lock:
            if key in self.failed:
                return "failed", None
            if key in self.since:
                return "running", self.since[key]
            return ("queued" if key in self.queued else "idle"), None

    def shutdown(self) -> None:
        """Drop what is queued and kill what runs (the server is stopping)."""
        self.pool.shutdown(wait=False, cancel_futures=True)
        for pgid in list(self.runner.running):
            _kill_group(pgid)

    def error(self, snippet: Path) -> SnippetError | None:
        with self.lock:
            return self.failed.get(self.runner.key(snippet))

    def busy(self, keys: Collection[str] | None = None) -> bool:
        """Whether anything (of the cache ``keys``, if given) is queued or running."""
        with self.lock:
            return bool(self.queued if keys is None else self.queued.intersection(keys))

    def wait(self, seconds: float, snippets: Sequence[Path] | None = None) -> None:
        """Wait until nothing (of ``snippets``) is queued or running, at most ``seconds``."""
        keys = None if snippets is None else {self.runner.key(s) for s in snippets}
        deadline = time.monotonic() + seconds
        while self.busy(keys) and time.monotonic() < deadline:
            time.sleep(0.05)


def _show_stderr(data: bytes) -> str:
    """stderr as shown: UTF-8, with any other bytes escaped (never silently replaced)."""
    return data.decode("utf-8", "backslashreplace")


def _group_rss_mb(pgid: int) -> float:
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


def _kill_group(pgid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signal.SIGKILL)


def _child_run(*args: object) -> None:
    from tools import _child  # imported in the forked child (the server preloads it)

    _child.run(*args)  # type: ignore[arg-type]


_server: multiprocessing.context.BaseContext | None = None
_start_lock = threading.Lock()
_durations_lock = threading.Lock()


def _fork_server(env: dict[str, str]) -> multiprocessing.context.BaseContext:
    """The fork server, started once per process with torch and torchvision imported.

    Importing them takes 2-3 s, most of a short snippet's run; each snippet is a fork of
    this server instead, still a process of its own. Variables read only at interpreter
    start (hash seed, stdio encoding, thread count) are set when the server starts, and
    so is ``sys.path``: MkDocs restores ``sys.path`` after loading a hook file, so under
    the ``mkdocs`` console script the project would not be importable in the server.
    """
    global _server
    if _server is None:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(
            ["tools._child"] + [m for m in PRELOAD if importlib.util.find_spec(m)]
        )
        saved_env, saved_path = dict(os.environ), list(sys.path)
        os.environ.update(
            {
                k: env[k]
                for k in (
                    "PYTHONHASHSEED",
                    "PYTHONIOENCODING",
                    "OMP_NUM_THREADS",
                    "MPLBACKEND",
                    *cpu_pins(),
                )
            }
        )
        if str(ROOT) not in sys.path:
            sys.path.insert(0, str(ROOT))
        try:
            multiprocessing.forkserver.ensure_running()
        finally:
            os.environ.clear()
            os.environ.update(saved_env)
            sys.path[:] = saved_path
        _server = ctx
    return _server


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.runner",
        description="Run snippets (or fetch them from the cache) and print what each "
        "printed, its stderr and where its figures are. Several run in "
        "parallel; unchanged ones come from .cache/snippets/.",
        epilog="Limits and switches are environment variables: see the docstring of "
        "tools/runner.py (SNIPPETS_TIMEOUT, SNIPPETS_MEMORY_MB, SNIPPETS_JOBS, "
        "SNIPPETS_FORKSERVER=0, ...).",
    )
    parser.add_argument(
        "snippets", nargs="*", type=Path, help="snippet files (default: every .py under snippets/)"
    )
    parser.add_argument(
        "-j", "--jobs", type=int, default=None, help="snippets run at once (default: the CPU count)"
    )
    args = parser.parse_args(argv)
    runner = Runner()
    runner.log = lambda msg: print(msg, file=sys.stderr)
    paths = args.snippets or sorted((runner.root / "snippets").rglob("*.py"))
    bad = [
        p
        for p in paths
        if not p.is_file() or p.suffix != ".py" or not p.resolve().is_relative_to(runner.root)
    ]
    if bad:
        parser.error(f"not a snippet file: {', '.join(map(str, bad))}")
    results = runner.run_all(paths, jobs=args.jobs)
    failed = 0
    for res in results.values():
        if isinstance(res, SnippetError):
            failed += 1
            print(f"FAILED {res}", file=sys.stderr)
            continue
        print(f"== {res.snippet} ({res.label})\n{res.stdout}", end="")
        if res.stderr:
            print(f"-- stderr\n{res.stderr}", end="" if res.stderr.endswith("\n") else "\n")
        for fig in res.figures:
            print(f"-- figure {fig}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
