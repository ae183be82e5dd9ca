"""Execute snippets in fresh processes and cache what they print and draw.

One runner serves the MkDocs hook (``tools/hooks.py``) and ``pytest --codeblocks``
(``conftest.py``), so a snippet executes at most once for both. A result is cached under
``.cache/snippets/<key>/`` where the key hashes the snippet's path and source, the torch
version, the device and this runner's own code; the files the snippet read under the
repository (data sets) are recorded with their hashes and must still match for a hit.

Environment variables:
  SNIPPETS_CACHE_DIR      cache folder (default ``<root>/.cache/snippets``)
  SNIPPETS_TIMEOUT        seconds one snippet may run (default 300)
  SNIPPETS_REQUIRE_CACHED ``1``: a missing or stale result is an error, never a run (CI's
                          build after the tests, to prove it executes nothing)
  SNIPPETS_DEVICE         device label for the cache key, instead of a cheap probe
  SNIPPETS_FORKSERVER     ``0``: start each snippet as a new ``python`` instead of forking
                          it from a server that has imported torch (see ``_fork_server``)

Snippets run with one CPU thread (``OMP_NUM_THREADS=1``) unless ``OMP_NUM_THREADS`` is
set (it then joins the cache key). The thread count changes the rounding of parallel sums,
so a fixed one makes ``pytest`` on any number of cores and ``mkdocs serve`` print the
same numbers; and pytest-xdist's workers (one per core) do not oversubscribe the cores,
which made the small-tensor loops of the examples several times slower.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import json
import multiprocessing
import multiprocessing.context
import multiprocessing.forkserver
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock

from tools import _child

TOOLS = Path(__file__).resolve().parent
CHILD = TOOLS / "_child.py"
ROOT = TOOLS.parent
PRELOAD = ("torch", "torchvision")  # imported once by the fork server
FORKSERVER = (os.environ.get("SNIPPETS_FORKSERVER", "1") != "0"
              and "forkserver" in multiprocessing.get_all_start_methods())


class SnippetError(Exception):
    """A snippet failed, timed out or has no cached result where one is required."""


@dataclass(frozen=True)
class Cell:
    """What one ``# %%`` cell printed and drew (a plain script is a single cell)."""

    line: int  # first line of the cell in the snippet
    stdout: str
    figures: tuple[Path, ...]


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
    except FileNotFoundError:
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


def torch_version() -> str:
    try:
        return importlib.metadata.version("torch")
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


class Runner:
    def __init__(self, root: Path = ROOT, cache_dir: Path | None = None) -> None:
        self.root = root.resolve()
        env_cache = os.environ.get("SNIPPETS_CACHE_DIR")
        self.cache = Path(cache_dir or env_cache or self.root / ".cache" / "snippets")
        self.timeout = float(os.environ.get("SNIPPETS_TIMEOUT", "300"))
        self.require_cached = os.environ.get("SNIPPETS_REQUIRE_CACHED") == "1"
        self.log: Callable[[str], None] = lambda msg: None
        self._salt = "|".join(
            [torch_version(), device_fingerprint(), file_hash(CHILD) or "",
             file_hash(TOOLS / "notes_mpl_backend.py") or ""]
            + ([f"threads={os.environ['OMP_NUM_THREADS']}"]
               if "OMP_NUM_THREADS" in os.environ else [])
        )

    def key(self, snippet: Path) -> str:
        rel = snippet.resolve().relative_to(self.root).as_posix()
        return _sha256(f"{rel}|{self._salt}|".encode() + snippet.read_bytes())[:24]

    def result(self, snippet: Path, context: str = "") -> Result:
        """The cached result of ``snippet``, running it first if needed.

        ``context`` (e.g. the page that shows the snippet) goes into error messages.
        """
        snippet = snippet.resolve()
        entry = self.cache / self.key(snippet)
        self.cache.mkdir(parents=True, exist_ok=True)
        with FileLock(str(entry) + ".lock"):  # parallel workers run a snippet once
            cached = self._load(snippet, entry)
            if cached is not None:
                return cached
            rel = snippet.relative_to(self.root).as_posix()
            if self.require_cached:
                raise SnippetError(
                    f"{rel}{context}: no cached output for this source and data "
                    "(SNIPPETS_REQUIRE_CACHED=1); run the tests first"
                )
            self.log(f"Running snippet {rel} …")
            self._execute(snippet, entry, context)
            loaded = self._load(snippet, entry)
            assert loaded is not None
            self.log(f"Ran snippet {rel} in {loaded.seconds:.1f} s")
            return loaded

    def _load(self, snippet: Path, entry: Path) -> Result | None:
        try:
            data = json.loads((entry / "result.json").read_text(encoding="utf-8"))
        except (FileNotFoundError, json.JSONDecodeError):
            return None
        if any(file_hash(self.root / p) != h for p, h in data["deps"].items()):
            return None  # a data file it read has changed
        figures = tuple(entry / name for name in data["figures"])
        stdout = (entry / "stdout.bin").read_bytes()
        cells, out_start, fig_start = [], 0, 0
        for c in data["cells"]:
            cells.append(Cell(c["line"], stdout[out_start:c["stdout_end"]].decode("utf-8", "replace"),
                              figures[fig_start:c["figures_end"]]))
            out_start, fig_start = c["stdout_end"], c["figures_end"]
        return Result(
            snippet=snippet.relative_to(self.root).as_posix(),
            stdout=data["stdout"],
            figures=figures,
            device=data["device"],
            torch=data["torch"],
            seconds=data["seconds"],
            cpu_seconds=data["cpu_seconds"],
            cells=tuple(cells),
        )

    def _execute(self, snippet: Path, entry: Path, context: str) -> None:
        rel = snippet.relative_to(self.root).as_posix()
        staging = Path(tempfile.mkdtemp(prefix=entry.name + ".", dir=self.cache))
        data = self.root / "data"
        data.mkdir(exist_ok=True)  # downloads land in the repository's data/, kept
        env = dict(
            os.environ,
            MPLBACKEND="module://notes_mpl_backend",
            NOTES_FIGURE_DIR=str(staging),
            PYTHONIOENCODING="utf-8",
            PYTHONHASHSEED="0",
        )
        env.setdefault("OMP_NUM_THREADS", "1")
        try:
            with tempfile.TemporaryDirectory(prefix="snippet-") as cwd:
                (Path(cwd) / "data").symlink_to(data, target_is_directory=True)
                returncode = self._spawn(snippet, staging, cwd, env)
        except subprocess.TimeoutExpired:
            shutil.rmtree(staging, ignore_errors=True)
            raise SnippetError(
                f"{rel}{context}: timed out after {self.timeout:g} s"
            ) from None
        finally:  # every execution is logged, including failed and timed-out ones
            with open(self.cache / "executions.log", "a", encoding="utf-8") as log:
                log.write(f"{rel}\t{entry.name}\t{time.time():.0f}\n")
        if returncode != 0 or not (staging / "meta.json").exists():
            stderr = (staging / "stderr.txt").read_bytes().decode("utf-8", "replace")
            shutil.rmtree(staging, ignore_errors=True)
            tail = "\n".join(stderr.rstrip().splitlines()[-25:])
            raise SnippetError(
                f"{rel}{context}: exited with status {returncode}\n{tail}"
            )
        meta = json.loads((staging / "meta.json").read_text(encoding="utf-8"))
        (staging / "meta.json").unlink()
        (staging / "stderr.txt").unlink(missing_ok=True)
        deps = {p: file_hash(self.root / p) for p in meta.pop("deps")}
        result = dict(
            meta,
            stdout=(staging / "stdout.bin").read_bytes().decode("utf-8", "replace"),
            figures=sorted(
                (p.name for p in staging.glob("figure-*.png")),
                key=lambda name: int(name[7:-4]),
            ),
            deps=deps,
        )
        (staging / "result.json").write_text(json.dumps(result), encoding="utf-8")
        shutil.rmtree(entry, ignore_errors=True)
        staging.rename(entry)


    def _spawn(self, snippet: Path, staging: Path, cwd: str, env: dict[str, str]) -> int:
        """Run the child; its exit status. Raises TimeoutExpired after ``self.timeout``."""
        if not FORKSERVER:
            with open(staging / "stderr.txt", "wb") as err:
                cmd = [sys.executable, str(CHILD), str(snippet), str(staging), str(self.root)]
                return subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                                      stderr=err, timeout=self.timeout).returncode
        proc = _fork_server(env).Process(target=_child.run,
                                         args=(snippet, staging, self.root, cwd, env))
        proc.start()
        proc.join(self.timeout)
        if proc.is_alive():
            proc.kill()
            proc.join()
            raise subprocess.TimeoutExpired(str(snippet), self.timeout)
        return proc.exitcode if proc.exitcode is not None else -1


_server: multiprocessing.context.BaseContext | None = None


def _fork_server(env: dict[str, str]) -> multiprocessing.context.BaseContext:
    """The fork server, started once per process with torch and torchvision imported.

    Importing them takes 2-3 s, most of a short snippet's run; each snippet is a fork of
    this server instead, still a process of its own. Variables read only at interpreter
    start (hash seed, stdio encoding, thread count) are set when the server starts.
    """
    global _server
    if _server is None:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload([m for m in PRELOAD if importlib.util.find_spec(m)])
        saved = dict(os.environ)
        os.environ.update({k: env[k] for k in ("PYTHONHASHSEED", "PYTHONIOENCODING",
                                                "OMP_NUM_THREADS", "MPLBACKEND")})
        try:
            multiprocessing.forkserver.ensure_running()
        finally:
            os.environ.clear()
            os.environ.update(saved)
        _server = ctx
    return _server


def main(argv: list[str]) -> int:
    """``python -m tools.runner [SNIPPET ...]``: run (or fetch) snippets, print results."""
    runner = Runner()
    runner.log = lambda msg: print(msg, file=sys.stderr)
    paths = [Path(a) for a in argv] or sorted((runner.root / "snippets").rglob("*.py"))
    failed = 0
    for path in paths:
        try:
            res = runner.result(path)
        except SnippetError as exc:
            failed += 1
            print(f"FAILED {exc}", file=sys.stderr)
            continue
        print(f"== {res.snippet} ({res.label})\n{res.stdout}", end="")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
