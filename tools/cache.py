"""The snippet cache: what a run gave (``Result``), its key, and entries checked on read.

An entry is ``<cache>/<key>/``: the run's stdout, stderr and figures, and ``result.json``
last, with a SHA-256 of each file and of each file under the project the snippet read
(data sets), and the environment the run imported (``tools.environment``: each installed
distribution whose modules it used, with its version). The key hashes the snippet's path
and source and a salt (``tools.runner``: Python, torch version, device, the child's own
code, thread count, CPU pins). An entry made with another version of a package the run
imported is a miss, as one whose data changed is, and ``Cache.why`` says in words what
made a snippet (re)run: ``source changed``, ``numpy 2.4.5 → 2.4.6``, ``no entry``. An entry is written
in a staging folder and renamed into place, so a reader sees all of it or none; one that
is unreadable, incomplete or changed afterwards is reported and the snippet run again;
one whose data files changed is a miss. Failure notes keep one test session from running
a failed snippet twice. Needs ``tools.environment`` and ``tools.writing`` only.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tools import writing
from tools.environment import Environment


class SnippetError(Exception):
    """A snippet failed, broke a limit or has no cached result where one is required."""


class CacheEntryError(Exception):
    """A cache entry that cannot be used as it is."""


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
    python: str = ""  # the interpreter it ran with ("CPython 3.11.7")
    environment: tuple[tuple[str, str], ...] = ()  # (distribution, version) it imported

    @property
    def label(self) -> str:
        return run_label(self.device, self.torch, self.seconds)


def run_label(device: str, torch: str, seconds: float) -> str:
    """How a run is captioned on the page: device, torch version, time."""
    shown = f"{seconds:.2f}" if seconds < 1 else f"{seconds:.1f}"
    return f"{device} · torch {torch} · {shown} s"


VARIES = re.compile(r"^# output varies: (?P<why>.+)$", re.M)
_TIMING = re.compile(r"\d+(?:\.\d+)?(?=\s?(?:s|ms|µs|s/epoch|x|×)(?![\w/]))")


def varies(snippet: Path) -> str | None:
    """Why ``snippet``'s output changes from run to run (its ``# output varies: why``
    comment), or None: then two runs must print exactly the same (tests check it)."""
    m = VARIES.search(snippet.read_text(encoding="utf-8"))
    return m.group("why").strip() if m else None


def mask_timings(text: str) -> str:
    """``text`` with every time (``1.2 s``, ``3 ms``, ``0.45 s/epoch``) and speed-up
    (``2.1x``) replaced by ``#``: what may differ between two honest runs."""
    return _TIMING.sub("#", text)


def show_stderr(data: bytes) -> str:
    """stderr as shown: UTF-8, with any other bytes escaped (never silently replaced)."""
    return data.decode("utf-8", "backslashreplace")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class FileHashes:
    """Content hashes of files, memoized by (path, mtime, size)."""

    def __init__(self) -> None:
        self.known: dict[tuple[str, int, int], str] = {}

    def __call__(self, path: Path) -> str | None:
        """The file's hash; None if it is gone."""
        try:
            st = path.stat()
        except (FileNotFoundError, NotADirectoryError):
            return None
        key = (str(path), st.st_mtime_ns, st.st_size)
        if key not in self.known:
            self.known[key] = sha256(path.read_bytes())
        return self.known[key]


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


def sweep_locks(folder: Path) -> None:
    """Remove the lock files nobody holds (a process killed with SIGKILL left them);
    ``locked`` waiters notice and take a new one."""
    for path in folder.glob("*.lock"):
        with contextlib.suppress(OSError):
            fd = os.open(path, os.O_RDWR)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                if os.fstat(fd).st_ino == os.stat(path).st_ino:
                    os.unlink(path)
            finally:
                os.close(fd)


class Cache:
    """The entries in ``folder`` of the snippets of the project at ``root``.

    ``salt``: what the key holds besides the snippet, by name (``tools.runner.salt``);
    ``not_before``: entries made earlier are misses (``SNIPPETS_FRESH=1``)."""

    def __init__(
        self, folder: Path, root: Path, salt: dict[str, str], not_before: float = 0.0
    ) -> None:
        self.folder, self.root, self.parts = folder, root, salt
        self.salt = "|".join(f"{k}={v}" for k, v in salt.items())
        self.not_before = not_before
        self.hash = FileHashes()
        self.environment = Environment(skip=[root / "tools"], cache=folder)
        sweep_locks(folder)

    def entry(self, rel: str, source: bytes) -> Path:
        """The entry of the snippet at ``rel`` (from the root) with this ``source``."""
        return self.folder / sha256(f"{rel}|{self.salt}|".encode() + source)[:24]

    def _pointer(self, rel: str) -> Path:
        """Where the last entry made for the snippet at ``rel`` is noted (for ``why``)."""
        return self.folder / "by-path" / f"{sha256(rel.encode())[:24]}.json"

    def stale(self, data: dict[str, Any]) -> str:
        """Why the entry whose ``result.json`` is ``data`` may not be used here, or ""."""
        for path, digest in data["deps"].items():
            if self.hash(self.root / path) != digest:
                return f"{path} changed"
        changes = self.environment.changes(data.get("environment", {}), data.get("modules", {}))
        if changes:
            return ", ".join(changes)
        if float(data["ran_at"]) < self.not_before:
            return "SNIPPETS_FRESH=1"
        return ""

    def why(self, rel: str, source: bytes) -> str:
        """``cached``, or what makes the snippet run: the first thing that differs from
        the run it last had here."""
        entry = self.entry(rel, source)
        try:
            data = json.loads((entry / "result.json").read_text(encoding="utf-8"))
            return self.stale(data) or "cached"
        except FileNotFoundError:
            pass
        except (OSError, ValueError, KeyError, TypeError) as exc:
            return f"cache entry unreadable ({type(exc).__name__})"
        try:
            last = json.loads(self._pointer(rel).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return "no entry"
        if last.get("source") != sha256(source):
            return "source changed"
        before: dict[str, str] = last.get("salt", {})
        said = [
            f"{k} {before.get(k, '—')} → {v}" if k != "runner" else "the runner's code changed"
            for k, v in self.parts.items()
            if before.get(k) != v
        ]
        return ", ".join(said) or "no entry"

    def lock(self, entry: Path) -> contextlib.AbstractContextManager[None]:
        self.folder.mkdir(parents=True, exist_ok=True)
        return locked(self.folder / f"{entry.name}.lock")

    def load(self, rel: str, entry: Path) -> Result | None:
        """The entry's result; None when a data file the snippet read has changed.
        Raises ``CacheEntryError`` for an entry that cannot be used."""
        try:
            data = json.loads((entry / "result.json").read_text(encoding="utf-8"))
            for name, digest in data["files"].items():
                if self.hash(entry / name) != digest:
                    raise CacheEntryError(f"was changed outside the runner ({name})")
            if self.stale(data):
                return None  # a data file or a package it read has changed
            return self._result(rel, entry, data)
        except CacheEntryError:
            raise
        except FileNotFoundError as exc:
            name = Path(str(exc.filename)).name
            raise CacheEntryError(f"is incomplete ({name} is missing)") from None
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise CacheEntryError(f"is malformed ({type(exc).__name__}: {exc})") from None

    def _result(self, rel: str, entry: Path, data: dict[str, Any]) -> Result:
        figures = tuple(entry / name for name in data["figures"])
        stdout_b = (entry / "stdout.bin").read_bytes()
        stderr_b = (entry / "stderr.bin").read_bytes()
        cells, starts = [], (0, 0, 0)
        for c in data["cells"]:
            ends = (c["stdout_end"], c["stderr_end"], c["figures_end"])
            out, err = stdout_b[starts[0] : ends[0]], stderr_b[starts[1] : ends[1]]
            cells.append(
                Cell(c["line"], out.decode("utf-8"), figures[starts[2] : ends[2]], show_stderr(err))
            )
            starts = ends
        return Result(
            snippet=rel,
            stdout=stdout_b.decode("utf-8"),
            figures=figures,
            device=str(data["device"]),
            torch=str(data["torch"]),
            seconds=float(data["seconds"]),
            cpu_seconds=float(data["cpu_seconds"]),
            cells=tuple(cells),
            stderr=show_stderr(stderr_b),
            ran_at=float(data["ran_at"]),
            dark=tuple(entry / name for name in data["dark"]),
            described=tuple(json.loads((entry / n).read_text("utf-8")) for n in data["described"]),
            python=str(data.get("python", "")),
            environment=tuple(sorted(data.get("environment", {}).items())),
        )

    def store(self, out: Path, entry: Path, rel: str, source: bytes) -> None:
        """Write the entry from a checked run in ``out``: files first, result.json last."""
        meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
        staging = Path(tempfile.mkdtemp(prefix=f".{entry.name}.", dir=self.folder))
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
                deps={p: self.hash(self.root / p) for p in meta["deps"]},
                files={n: sha256((staging / n).read_bytes()) for n in names},
                python=self.parts.get("Python", ""),
                modules=meta.get("modules", {}),
                environment=self.environment.describe(meta.get("modules", {})),
            )
            (staging / "result.json").write_text(json.dumps(result), encoding="utf-8")
            shutil.rmtree(entry, ignore_errors=True)
            staging.rename(entry)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        note = {"rel": rel, "source": sha256(source), "salt": self.parts}
        writing.write_atomic(self._pointer(rel), json.dumps(note))

    def log_execution(self, rel: str, entry: Path) -> None:
        """One line per execution, failed and timed-out ones included (tests count them)."""
        with open(self.folder / "executions.log", "a", encoding="utf-8") as log:
            log.write(f"{rel}\t{entry.name}\t{time.time():.0f}\n")

    # -- failure notes: within one test session a failure is reported, not run again ---

    def failed(self, entry: Path, session: str) -> str | None:
        """The failure of this entry's snippet earlier in test session ``session``."""
        if not session:
            return None
        try:
            data = json.loads((self.folder / f"{entry.name}.failed").read_text("utf-8"))
        except (OSError, ValueError):
            return None
        return str(data["error"]) if data.get("session") == session else None

    def remember_failure(self, entry: Path, session: str, error: str) -> None:
        if session:
            note = json.dumps({"session": session, "error": error})
            (self.folder / f"{entry.name}.failed").write_text(note, encoding="utf-8")

    def forget_failures(self) -> None:
        for path in self.folder.glob("*.failed"):
            path.unlink(missing_ok=True)
