"""Run one snippet as ``__main__`` in this (fresh) process and describe the run.

Usage: ``python tools/_child.py SNIPPET OUT_DIR ROOT`` -- called by ``tools.runner``,
never by hand. File descriptor 1 goes to OUT_DIR/stdout.bin and 2 to OUT_DIR/stderr.bin,
so everything the snippet (and any process it starts) prints is kept byte for byte;
figures shown with ``plt.show()`` land in OUT_DIR (see ``notes_mpl_backend``), and
OUT_DIR/meta.json records the device, the torch version, the time taken, the files under
ROOT that the snippet read (its data dependencies, for the cache key) and where each
cell's output ends. OUT_DIR is outside the project and the cache: the runner checks it
and copies it into the cache after this process and its whole group have ended.

A snippet can only print: it runs in a sandbox (``tools.sandbox``, entered by ``run``
and ``main`` before anything of the snippet runs) where everything is read-only but its
own temporary folder (working directory, HOME, TMPDIR), OUT_DIR and ``data/`` (where data
sets download), with no network but loopback, its processes in a PID namespace that dies
with it. An audit hook also refuses writes into the project with a ``PermissionError``
naming the file, so a snippet that tries fails with a clear message, blamed by name
(without namespaces, e.g. on macOS, the hook is all there is).

A snippet in percent format (``# %%`` lines, as Jupyter, VS Code and jupytext read it)
runs cell by cell in one ``__main__`` namespace, as a notebook kernel would; a plain
script is one cell. Line numbers in tracebacks are the file's own. ``os._exit(0)`` ends
the run successfully, as it does for ``python snippet.py``.

``run()`` is the same in a process forked from the runner's fork server, which has already
imported torch and torchvision (see ``tools.runner``): it first sets up what a fresh
``python`` would have had (session, working directory, environment, stderr, random
state), and runs the atexit handlers at the end, as interpreter shutdown does.
"""

from __future__ import annotations

import errno
import importlib.metadata
import json
import linecache
import multiprocessing
import multiprocessing.connection
import os
import random
import re
import sys
import tempfile
import time
import traceback
import types
import warnings
from pathlib import Path

try:  # as tools._child, preloaded by the fork server; or as a script, from tools/
    from tools import sandbox
    from tools._imports import TRACKER
    from tools.workaround_exitfuncs import run_exit_functions
except ImportError:
    import sandbox  # type: ignore[no-redef,import-not-found]
    from _imports import TRACKER  # type: ignore[no-redef,import-not-found]
    from workaround_exitfuncs import (  # type: ignore[no-redef,import-not-found]
        run_exit_functions,
    )

TRACKER.install()  # before the fork server preloads torch: it learns what torch imports

CELL = re.compile(r"^# %%")  # jupytext's percent format
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC
# Audit events that change the file system, and which of their arguments are paths.
_CHANGES = {
    "os.remove": (0,),
    "os.rmdir": (0,),
    "os.mkdir": (0,),
    "os.rename": (0, 1),
    "os.symlink": (1,),
    "os.link": (1,),
    "os.truncate": (0,),
    "os.chmod": (0,),
    "os.chown": (0,),
    "os.utime": (0,),
    "shutil.rmtree": (0,),
}


def split_cells(source: str) -> list[tuple[int, str]]:
    """(first line number, text) of each cell; the ``# %%`` line starts its cell."""
    cells: list[tuple[int, list[str]]] = [(1, [])]
    for n, line in enumerate(source.splitlines(keepends=True), 1):
        if CELL.match(line) and (cells[-1][1] or n > 1):
            cells.append((n, []))
        cells[-1][1].append(line)
    return [(n, "".join(lines)) for n, lines in cells if "".join(lines).strip()]


def _device(namespace: dict[str, object]) -> str:
    torch = sys.modules.get("torch")
    # torch may be preloaded by the fork server: count it only if the snippet imported it
    uses_torch = any(
        isinstance(v, types.ModuleType)
        and v.__name__.split(".")[0] == "torch"
        or getattr(v, "__module__", None) in ("torch", "torch.nn")
        for v in namespace.values()
    )
    if torch is None or not uses_torch:
        return "cpu"
    if torch.cuda.is_available():
        return f"cuda ({torch.cuda.get_device_name()})"
    if torch.backends.mps.is_available():
        return "mps"
    return "cpu"


def _torch_version() -> str:
    torch = sys.modules.get("torch")
    if torch is not None:
        return str(torch.__version__)
    try:
        return importlib.metadata.version("torch")
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def _guard(root: Path, snippet: Path, reads: set[str]) -> None:
    """Record what the snippet reads under ROOT; refuse what it would write there."""
    inside = str(root) + os.sep
    # Read: the runner's own files and the interpreter are part of the cache key already.
    skip = tuple(
        str(p) + os.sep for p in (Path(sys.prefix).resolve(), root / ".cache", root / "tools")
    )
    # Written: data sets download into data/; a virtual environment may live in ROOT.
    writable = tuple(str(p) + os.sep for p in (root / "data", Path(sys.prefix).resolve()))
    snippet_real = os.path.realpath(snippet)

    def refuse(path: str) -> None:
        real = os.path.realpath(path)
        if real.startswith(inside) and not real.startswith(writable):
            rel = os.path.relpath(real, root)
            raise PermissionError(
                errno.EACCES,
                "a snippet may not write into the project "
                "(use tempfile.TemporaryDirectory(), or data/ for data "
                "sets)",
                rel,
            )

    def audit(event: str, args: tuple[object, ...]) -> None:
        if event == "open":
            path, mode, flags = args
            if not isinstance(path, (str, bytes, os.PathLike)):
                return  # a file descriptor
            name = os.fsdecode(path)
            if (
                any(c in mode for c in "wax+")
                if isinstance(mode, str)
                else isinstance(flags, int) and flags & _WRITE_FLAGS
            ):
                refuse(name)
                return
            real = os.path.realpath(name)
            if real.startswith(inside) and not real.startswith(skip) and real != snippet_real:
                reads.add(real)
        elif event in _CHANGES:
            for i in _CHANGES[event]:
                if i < len(args) and isinstance(args[i], (str, bytes, os.PathLike)):
                    refuse(os.fsdecode(args[i]))  # type: ignore[arg-type]

    sys.addaudithook(audit)


def _prepare(snippet: Path, out_dir: Path) -> types.ModuleType:
    """The process as ``python snippet.py`` would have it: warnings, path, argv, stdout
    into ``out_dir``, and a fresh ``__main__``."""
    if os.environ.get("SNIPPETS_NICE"):  # under mkdocs serve: pages first, then snippets
        os.nice(int(os.environ.pop("SNIPPETS_NICE")))
    # API rot in the snippet's own code fails the run instead of reaching readers.
    for category in (DeprecationWarning, FutureWarning):
        warnings.filterwarnings("error", category=category, module=r"__main__\Z")
    sys.path[0] = str(snippet.parent)  # as if run with `python snippet.py`
    sys.path.append(str(Path(__file__).parent))  # for MPLBACKEND=module://notes_mpl_backend
    sys.argv = [str(snippet)]
    sys.stdout.flush()
    out = os.open(out_dir / "stdout.bin", os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    os.dup2(out, 1)
    os.close(out)
    module = types.ModuleType("__main__")
    module.__file__ = str(snippet)
    sys.modules["__main__"] = module  # pickle and multiprocessing look here
    return module


class _Run:
    """One run of a snippet, cell by cell, and the description it leaves (meta.json)."""

    def __init__(self, snippet: Path, out_dir: Path, root: Path) -> None:
        self.out_dir, self.root, self.reads = out_dir, root, set[str]()
        self.module = _prepare(snippet, out_dir)
        source = snippet.read_text(encoding="utf-8")
        self.cells = split_cells(source)
        # Named as `python x.py` names it for a reader who saved the block as x.py: a
        # warning or traceback shows no build path. Its lines are kept for them (and for
        # inspect); an entry without a time is never dropped by linecache.checkcache.
        name = snippet.name
        linecache.cache[name] = (len(source), None, source.splitlines(True), name)
        self.code = [compile("\n" * (n - 1) + t, name, "exec") for n, t in self.cells]
        self.done: list[dict[str, int]] = []
        self.start, self.cpu_start = time.perf_counter(), time.process_time()
        self.pid = os.getpid()

    def cell_done(self, line: int) -> None:
        sys.stdout.flush()
        sys.stderr.flush()
        ends = [os.lseek(fd, 0, os.SEEK_CUR) for fd in (1, 2)]
        figures = len(list(self.out_dir.glob("figure-*.png")))
        self.done.append(
            {"line": line, "stdout_end": ends[0], "stderr_end": ends[1], "figures_end": figures}
        )

    def finish(self) -> None:
        meta_path = self.out_dir / "meta.json"
        if os.getpid() != self.pid or meta_path.exists():
            return  # a forked worker of the snippet, or already written
        if len(self.done) < len(self.cells):
            self.cell_done(self.cells[len(self.done)][0])  # the cell that ended the run early
        meta = {
            "device": _device(self.module.__dict__),
            "torch": _torch_version(),
            "seconds": time.perf_counter() - self.start,
            "cpu_seconds": time.process_time() - self.cpu_start,
            "deps": sorted(os.path.relpath(p, self.root) for p in self.reads if os.path.isfile(p)),
            "cells": self.done,
            "modules": TRACKER.modules(),
        }
        fd = os.open(meta_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)  # outside ROOT
        os.write(fd, json.dumps(meta).encode())
        os.close(fd)

    def cells_in_turn(self) -> None:
        for (line, _), cell in zip(self.cells, self.code):
            try:
                exec(cell, self.module.__dict__)
            except SystemExit as exc:
                if exc.code not in (None, 0):
                    raise
                break  # sys.exit(0): the script ends here, successfully
            except BaseException as exc:
                _print_traceback(exc)
                raise SystemExit(1) from None
            self.cell_done(line)
        self.finish()


def main(snippet: Path, out_dir: Path, root: Path) -> None:
    run = _Run(snippet, out_dir, root)
    real_exit = os._exit

    def _exit(status: int) -> None:  # os._exit(0) is a successful end, as for `python`
        if status == 0:
            run.finish()
        real_exit(status)

    os._exit = _exit  # type: ignore[assignment]
    _guard(root, snippet, run.reads)
    TRACKER.start()
    run.cells_in_turn()


def _print_traceback(exc: BaseException) -> None:
    """The traceback as ``python snippet.py`` prints it: no frame of the runner's own."""
    shown = traceback.TracebackException.from_exception(exc)
    tools = str(Path(__file__).resolve().parent) + os.sep
    seen: set[int] = set()
    todo = [shown]
    while todo:
        one = todo.pop()
        if id(one) in seen:
            continue
        seen.add(id(one))
        kept = [f for f in one.stack if not os.path.realpath(f.filename).startswith(tools)]
        one.stack = traceback.StackSummary.from_list(kept)
        todo += [e for e in (one.__cause__, one.__context__) if e is not None]
    sys.stderr.write("".join(shown.format()))
    sys.stderr.flush()


def _fresh_random_state() -> None:
    """Reseed what a fork would otherwise share with every other snippet."""
    random.seed()
    numpy = sys.modules.get("numpy")
    if numpy is not None:
        numpy.random.seed()
    torch = sys.modules.get("torch")
    if torch is not None:
        torch.seed()


def _sandboxed(out_dir: Path, root: Path, watch: int | None = None) -> None:
    """Enter the sandbox (when the runner found one, ``NOTES_SANDBOX=1``): writable are
    the snippet's folder (the working directory's parent), ``out_dir`` and ``data/``;
    the project's ``.git`` (its configuration may hold a checkout's token) is hidden;
    ``watch``: the pipe that ends when the runner dies (``sandbox.enter``)."""
    if os.environ.get("NOTES_SANDBOX") != "1":
        return
    cwd = Path.cwd()
    writable = [cwd.parent, out_dir, (cwd / "data").resolve()]
    try:
        sandbox.enter(writable, cwd.parent, watch, hidden=[root / ".git"])
    except OSError as exc:
        os.write(2, f"{exc.strerror or exc}\n".encode())
        os._exit(1)


def run(
    snippet: Path,
    out_dir: Path,
    root: Path,
    cwd: str,
    env: dict[str, str],
    watch: multiprocessing.connection.Connection,
) -> None:
    """``main`` in a process forked from the fork server, set up as a fresh process;
    ``watch`` ends (EOF) when the runner dies."""
    os.setsid()  # its own session: the runner ends the whole group with it
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    tempfile.tempdir = None  # the server's; TMPDIR is the snippet's own now
    multiprocessing.set_start_method(None, force=True)  # the platform's default, not ours
    err = os.open(out_dir / "stderr.bin", os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    os.dup2(err, 2)
    os.close(err)
    _sandboxed(out_dir, root, watch.fileno())
    _fresh_random_state()
    try:
        main(snippet, out_dir, root)
    finally:
        run_exit_functions()  # the process ends with os._exit, which skips them
        sys.stdout.flush()
        sys.stderr.flush()


if __name__ == "__main__":
    _sandboxed(Path(sys.argv[2]), Path(sys.argv[3]).resolve())
    main(Path(sys.argv[1]).resolve(), Path(sys.argv[2]), Path(sys.argv[3]).resolve())
