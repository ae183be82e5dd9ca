"""Many snippets at once: their order, parallel runs with progress, and background runs.

``run_all`` runs what the cache lacks ``jobs`` at a time, longest first (by each
snippet's last known duration, ``Durations``), so the slow ones do not end up alone at
the end, with a progress line every few seconds. ``Background`` does the same without
waiting, for ``mkdocs serve``: the pages a reader waits for first, then the shortest.
Works on any runner (``Runs``: ``tools.runner.Runner``).
"""

from __future__ import annotations

import concurrent.futures
import json
import os
import threading
import time
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from tools.cache import Result, SnippetError
from tools.processes import env_number
from tools.writing import write_atomic

# Seconds the long examples took on the 2-core CI machine: the order of a first run (on a
# fresh clone nothing has been timed yet), so the longest start first. Rough is enough.
FIRST_RUN_HINTS = {
    "snippets/examples/fast_training.py": 140,
    "snippets/examples/sine_tuning.py": 80,
    "snippets/examples/lenet_fashion_mnist.py": 115,
    "snippets/examples/quickstart.py": 100,
    "snippets/examples/sine_fewer_epochs.py": 40,
}


class Runs(Protocol):
    """What scheduling needs of a runner."""

    require_cached: bool
    log: Callable[[str], None]

    def rel(self, snippet: Path) -> str: ...
    def key(self, snippet: Path) -> str: ...
    def cached(self, snippet: Path) -> Result | None: ...
    def result(self, snippet: Path, context: str = "") -> Result: ...
    def durations(self) -> dict[str, float]: ...
    def estimate(self, snippet: Path, known: dict[str, float]) -> float: ...
    def kill_all(self) -> None: ...
    def cancel(self, thread: int) -> None: ...


def default_jobs() -> int:
    return max(1, int(env_number("SNIPPETS_JOBS", os.cpu_count() or 1)))


class Durations:
    """The last known wall time of each snippet (by path), in ``<cache>/durations.json``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lock = threading.Lock()

    def read(self) -> dict[str, float]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return {str(k): float(v) for k, v in data.items()}
        except (OSError, ValueError, AttributeError, TypeError):
            return {}

    def record(self, rel: str, seconds: float) -> None:
        with self.lock:
            data = self.read()
            data[rel] = round(seconds, 2)
            write_atomic(self.path, json.dumps(data, sort_keys=True))


def estimate(rel: str, snippet: Path, known: dict[str, float]) -> float:
    """Seconds ``snippet`` is expected to take: its last run here, else a first-run
    hint, else a guess (whole examples, in percent format, are the long ones)."""
    if rel in known:
        return known[rel]
    if rel in FIRST_RUN_HINTS:
        return FIRST_RUN_HINTS[rel]
    text = snippet.read_text(encoding="utf-8", errors="replace")
    return 30.0 if "\n# %%" in text else 1.0


def run_all(
    runner: Runs,
    snippets: Sequence[Path],
    jobs: int | None = None,
    contexts: dict[Path, str] | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict[Path, Result | SnippetError]:
    """Results of all ``snippets``, running the missing ones ``jobs`` at a time (see
    ``tools.runner.Runner.run_all``)."""
    snippets = list(dict.fromkeys(p.resolve() for p in snippets))
    contexts = contexts or {}
    out: dict[Path, Result | SnippetError] = {}
    for s in snippets:
        hit = runner.cached(s)
        if hit is not None:
            out[s] = hit
    todo = [s for s in snippets if s not in out]
    if not todo:
        return out
    if runner.require_cached:
        for s in todo:
            out[s] = SnippetError(
                f"{runner.rel(s)}{contexts.get(s, '')}: no cached output for this source "
                "and data (SNIPPETS_REQUIRE_CACHED=1); run the tests first"
            )
        return out
    known = runner.durations()
    todo.sort(key=lambda s: -runner.estimate(s, known))
    board = _Board(runner, todo, known, progress or runner.log, jobs or default_jobs())
    pool = concurrent.futures.ThreadPoolExecutor(board.jobs)
    try:
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
    except BaseException:  # Ctrl-C, SIGTERM: stop now, do not wait for running snippets
        pool.shutdown(wait=False, cancel_futures=True)
        runner.kill_all()
        raise
    pool.shutdown()
    return {s: out[s] for s in snippets}


@dataclass
class _Board:
    """Progress of a ``run_all``: what runs, since when, and how long the rest takes."""

    runner: Runs
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
        left = self.todo[self.done + len(self.started) :]
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
    ``supersede()`` drops the queued or running runs of a snippet's earlier versions (its
    process group is killed: an endless loop saved by mistake stops when it is fixed).
    """

    def __init__(self, runner: Runs, on_change: Callable[[], None], paused: bool = False) -> None:
        """``paused``: nothing starts before ``resume()`` (the server's first build runs
        alone: its pages come sooner, with placeholders)."""
        self.runner = runner
        self.on_change = on_change
        self.gate = threading.Event()
        if not paused:
            self.gate.set()
        self.closed = False
        self.jobs = default_jobs()
        self.pool = concurrent.futures.ThreadPoolExecutor(self.jobs)
        self.since: dict[str, float] = {}  # cache key -> time.time() it started
        self.queued: set[str] = set()
        self.failed: dict[str, SnippetError] = {}
        self.rels: dict[str, str] = {}  # cache key -> its snippet's path, while queued
        self.threads: dict[str, int] = {}  # cache key -> the thread running it
        self.dropped: set[str] = set()  # cache keys of superseded runs
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
                self.dropped.discard(key)
                if key in self.queued or key in self.failed:
                    continue
                self.queued.add(key)
                self.rels[key] = self.runner.rel(s)
            self.pool.submit(self._run, s, key, contexts.get(s, ""))

    def supersede(self, snippet: Path) -> None:
        """Drop the runs of ``snippet``'s other versions: queued ones will not start,
        running ones are killed (``Runs.cancel``)."""
        rel, key = self.runner.rel(snippet), self.runner.key(snippet)
        with self.lock:  # held while killing: the thread cannot move on to another run
            for old in [k for k, r in self.rels.items() if r == rel and k != key]:
                self.dropped.add(old)
                self.queued.discard(old)
                del self.rels[old]
                if old in self.threads:
                    self.runner.cancel(self.threads[old])

    def resume(self) -> None:
        self.gate.set()

    def _run(self, snippet: Path, key: str, context: str) -> None:
        self.gate.wait()
        with self.lock:
            if key in self.dropped or self.closed:
                return
            self.since[key] = time.time()
            self.threads[key] = threading.get_ident()
        try:
            self.runner.result(snippet, context)
        except SnippetError as exc:
            with self.lock:
                if key not in self.dropped:
                    self.failed[key] = exc
        except Exception as exc:  # noqa: BLE001 (a worker thread must report, not die)
            with self.lock:
                self.failed[key] = SnippetError(f"{self.runner.rel(snippet)}: {exc!r}")
        finally:
            with self.lock:
                for held in (self.since, self.threads, self.rels):
                    held.pop(key, None)
                self.queued.discard(key)
                dropped = key in self.dropped
                self.dropped.discard(key)
            if not dropped:
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
        self.closed = True
        self.gate.set()  # a paused worker ends instead of starting its snippet
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.runner.kill_all()

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
