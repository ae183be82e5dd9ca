"""Execute snippets in fresh processes and cache what they print and draw.

One ``Runner`` serves the MkDocs hook (``tools/hooks.py``), ``pytest --codeblocks``
(``conftest.py``) and ``python -m tools.runner`` (``main``), so a snippet executes at
most once for all of them: ``Runner.result`` takes it from the cache (``tools.cache``) or
runs it (``tools.processes``) and stores the checked run; ``Runner.run_all`` runs many in
parallel, longest first (``tools.scheduling``, which also has ``Background`` for
``mkdocs serve``). A snippet can only print: it runs in a sandbox (``tools/sandbox.py``),
and an attempt to write into the project fails naming file and snippet (``tools/_child.py``). Every name other code imports from here still is here.

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
                          it from a server that has imported torch (``tools.processes``)
  SNIPPETS_SANDBOX        ``required``: no snippet runs outside the sandbox (``.ci/run``);
                          ``off``: none runs in it (``tools/sandbox.py``)
  SNIPPETS_SERVE_WAIT     seconds a ``mkdocs serve`` build waits for the snippets it needs
                          first before it shows placeholders for them (default 30)
  SNIPPETS_SESSION        set by ``conftest.py`` for one pytest run: a snippet that failed
                          in it is reported again, not run again
  SNIPPETS_FRESH          ``1``: no cached result made before this run counts; every
                          snippet runs again (once: later reads in the run are hits)

Snippets run with one CPU thread (``OMP_NUM_THREADS=1``) unless ``OMP_NUM_THREADS`` is
set (it then joins the cache key). The thread count changes the rounding of parallel sums,
so a fixed one makes every machine size print the same numbers, and parallel snippets do
not oversubscribe the cores. For the same reason an x86 CPU with AVX-512 computes with
the AVX2 kernels (``ATEN_CPU_CAPABILITY=avx2``, ``ONEDNN_MAX_CPU_ISA=AVX2``; see
``tools.processes.cpu_pins``), both also in the cache key.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from tools import cache, processes, sandbox, scheduling
from tools.cache import Cell, Result, SnippetError, mask_timings, run_label, varies
from tools.environment import cpu_identity, python_version
from tools.processes import FORKSERVER, START_LOCK, cpu_pins, env_number, torch_version
from tools.scheduling import FIRST_RUN_HINTS, Background, default_jobs
from tools.site import ROOT, Paths

# fmt: off
__all__ = (  # what the rest of the project imports from here
    "Background", "Cell", "FIRST_RUN_HINTS", "FORKSERVER", "ROOT", "Result", "Runner",
    "SnippetError", "START_LOCK", "cpu_pins", "default_jobs", "env_number", "main",
    "mask_timings", "run_label", "show", "torch_version", "varies",
)
# fmt: on


def salt() -> dict[str, str]:
    """What a cache key holds besides the snippet, by name: Python, torch, device, the CPU
    (vendor, AVX-512), the child's own code, thread count, CPU pins and MKL settings."""
    child = processes.CHILD
    files = (child, *(child.with_name(n) for n in ("notes_mpl_backend.py", "_imports.py")))
    files += (child.with_name("sandbox.py"),)  # what a snippet sees: files, environment
    threads = os.environ.get("OMP_NUM_THREADS")
    mkl = {k: v for k, v in os.environ.items() if k.startswith("MKL_")}  # MKL_CBWR, ...
    return {
        "Python": python_version(),
        "torch": torch_version(),
        "device": processes.device_fingerprint(),
        "CPU": cpu_identity(),
        "runner": cache.sha256(b"".join(cache.sha256(p.read_bytes()).encode() for p in files)),
        **({"threads": threads} if threads is not None else {}),
        **dict(sorted(cpu_pins().items())),
        **dict(sorted(mkl.items())),
    }


class Runner:
    def __init__(self, root: Path = ROOT, cache_dir: Path | None = None) -> None:
        self.root = root.resolve()
        env_cache = os.environ.get("SNIPPETS_CACHE_DIR")
        self.cache = Path(cache_dir or env_cache or Paths(self.root).snippet_cache)
        fresh = os.environ.get("SNIPPETS_FRESH") == "1"
        # SNIPPETS_FRESH=1: every entry made before this run started is a miss; pytest's
        # workers get the controller's start time (SNIPPETS_FRESH_SINCE, conftest.py).
        since = float(os.environ.get("SNIPPETS_FRESH_SINCE") or time.time()) if fresh else 0.0
        self.entries = cache.Cache(self.cache, self.root, salt(), not_before=since)
        self.processes = processes.Processes(self.root, processes.Limits.from_env())
        self.running = self.processes.running  # process groups of the snippets running now
        self.timings = scheduling.Durations(self.cache / "durations.json")
        self.require_cached = os.environ.get("SNIPPETS_REQUIRE_CACHED") == "1"
        self.log: Callable[[str], None] = lambda msg: None
        self.processes.log = lambda msg: self.log(msg)
        self.nice = 0  # > 0: snippets yield the CPU to the server's builds (mkdocs serve)
        # Within one test session (SNIPPETS_SESSION, set by conftest.py) a snippet that
        # failed is reported again from a note instead of being run again.
        self.session = os.environ.get("SNIPPETS_SESSION", "")
        self.executed: set[str] = set()  # snippets this process ran (not from the cache)

    def rel(self, snippet: Path) -> str:
        return snippet.resolve().relative_to(self.root).as_posix()

    def key(self, snippet: Path) -> str:
        return self.entries.entry(self.rel(snippet), snippet.read_bytes()).name

    def why(self, snippet: Path) -> str:
        """``cached``, or why ``snippet`` runs (``tools.cache.Cache.why``)."""
        return self.entries.why(self.rel(snippet), snippet.read_bytes())

    def cached(self, snippet: Path) -> Result | None:
        """The cached result of ``snippet`` if there is a valid one; never runs it."""
        rel = self.rel(snippet)
        entry = self.entries.entry(rel, snippet.read_bytes())
        if not entry.exists():
            return None
        try:
            return self.entries.load(rel, entry)
        except cache.CacheEntryError as exc:
            self.log(f"{rel}: cache entry {entry.name} {exc}; it will run again")
            return None

    def result(self, snippet: Path, context: str = "") -> Result:
        """The cached result of ``snippet``, running it first if needed.

        ``context`` (e.g. the page that shows the snippet) goes into error messages.
        """
        snippet, rel = snippet.resolve(), self.rel(snippet)
        entry = self.entries.entry(rel, snippet.read_bytes())
        with self.entries.lock(entry):  # parallel workers run it once
            cached = self.cached(snippet)
            if cached is not None:
                return cached
            if self.require_cached:
                raise SnippetError(
                    f"{rel}{context}: no cached output for this source and data "
                    "(SNIPPETS_REQUIRE_CACHED=1); run the tests first"
                )
            failed = self.entries.failed(entry, self.session)
            if failed:  # one pytest run reports a failure without running it again
                raise SnippetError(f"{rel}{context}: {failed}")
            self.log(f"Running snippet {rel} ({self.why(snippet)}) …")
            try:
                self._execute(snippet, entry, f"{rel}{context}")
            except SnippetError as exc:
                self.entries.remember_failure(entry, self.session, str(exc).split(": ", 1)[-1])
                raise
            try:
                loaded = self.entries.load(rel, entry)
            except cache.CacheEntryError as exc:  # changed between writing and reading it
                raise SnippetError(f"{rel}{context}: its cache entry {exc}") from None
            if loaded is None:
                raise SnippetError(f"{rel}{context}: a data file it read changed while it ran")
            self.log(f"Ran snippet {rel} in {loaded.seconds:.1f} s")
            return loaded

    def _execute(self, snippet: Path, entry: Path, where: str) -> None:
        rel = self.rel(snippet)
        # outside project and cache, in this process's folder (removed even after a SIGKILL)
        out = Path(tempfile.mkdtemp(prefix="snippet-out-", dir=sandbox.run_folder()))
        start = time.perf_counter()
        try:
            code = self.processes.run(snippet, out, processes.child_env(out, self.nice), where)
            self.timings.record(rel, time.perf_counter() - start)
            self.executed.add(rel)
            self.processes.limits.check(out, code, where)
            self.entries.store(out, entry, rel, snippet.read_bytes())
        finally:  # every execution is logged, including failed and timed-out ones
            shutil.rmtree(out, ignore_errors=True)
            self.entries.log_execution(rel, entry)

    def forget_failures(self) -> None:
        """Remove this session's failure notes (at the end of the test session)."""
        self.entries.forget_failures()

    def durations(self) -> dict[str, float]:
        """Last known wall time of each snippet (by path), for ordering and estimates."""
        return self.timings.read()

    def estimate(self, snippet: Path, known: dict[str, float]) -> float:
        """Seconds ``snippet`` is expected to take (``tools.scheduling.estimate``)."""
        return scheduling.estimate(self.rel(snippet), snippet, known)

    def kill_all(self) -> None:
        self.processes.kill_all()

    def cancel(self, thread: int) -> None:
        """Kill the snippet the thread ``thread`` runs now, if any."""
        self.processes.cancel(thread)

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
        return scheduling.run_all(self, snippets, jobs, contexts, progress)


def show(result: Result, out: TextIO | None = None) -> None:
    """A result as the commands print it: header, stdout, stderr, figure files."""
    print(f"== {result.snippet} ({result.label})\n{result.stdout}", end="", file=out)
    if result.stderr:
        end = "" if result.stderr.endswith("\n") else "\n"
        print(f"-- stderr\n{result.stderr}", end=end, file=out)
    for fig in result.figures:
        print(f"-- figure {fig}", file=out)


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
        "-j", "--jobs", type=int, help="snippets run at once (default: the CPU count)"
    )
    parser.add_argument(
        "--why",
        action="store_true",
        help="run nothing: say for each snippet whether its cached result is valid here, "
        "or what would make it run",
    )
    args = parser.parse_args(argv)
    runner = Runner()
    runner.log = lambda msg: print(msg, file=sys.stderr)
    paths = args.snippets or sorted((runner.root / "snippets").rglob("*.py"))
    root = runner.root
    bad = [
        p
        for p in paths
        if not p.is_file() or p.suffix != ".py" or not p.resolve().is_relative_to(root)
    ]
    if bad:
        parser.error(f"not a snippet file: {', '.join(map(str, bad))}")
    if args.why:
        for path in paths:
            print(f"{runner.rel(path)}: {runner.why(path)}")
        return 0
    failed = 0
    for res in runner.run_all(paths, jobs=args.jobs).values():
        if isinstance(res, SnippetError):
            failed += 1
            print(f"FAILED {res}", file=sys.stderr)
        else:
            show(res)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
