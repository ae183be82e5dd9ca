"""Run one snippet as ``__main__`` in this (fresh) process and describe the run.

Usage: ``python tools/_child.py SNIPPET OUT_DIR ROOT`` -- called by ``tools.runner``,
never by hand. File descriptor 1 goes to OUT_DIR/stdout.bin, so everything the snippet
(and any process it starts) prints is kept byte for byte; figures shown with
``plt.show()`` land in OUT_DIR (see ``notes_mpl_backend``), and OUT_DIR/meta.json records
the device, the torch version, the time taken, the files under ROOT that the snippet read
(its data dependencies, for the cache key) and where each cell's output ends.

A snippet in percent format (``# %%`` lines, as Jupyter, VS Code and jupytext read it)
runs cell by cell in one ``__main__`` namespace, as a notebook kernel would; a plain
script is one cell. Line numbers in tracebacks are the file's own.

``run()`` is the same in a process forked from the runner's fork server, which has already
imported torch and torchvision (see ``tools.runner``): it first sets up what a fresh
``python`` would have had (working directory, environment, stderr), and runs the atexit
handlers at the end, as interpreter shutdown does.
"""

from __future__ import annotations

import atexit
import importlib.metadata
import json
import multiprocessing
import os
import re
import sys
import time
import types
import warnings
from pathlib import Path

CELL = re.compile(r"^# %%")  # jupytext's percent format


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
    uses_torch = any(isinstance(v, types.ModuleType) and v.__name__.split(".")[0] == "torch"
                     or getattr(v, "__module__", None) in ("torch", "torch.nn")
                     for v in namespace.values())
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


def main(snippet: Path, out_dir: Path, root: Path) -> None:
    reads: set[str] = set()
    snippet_real = os.path.realpath(snippet)
    inside = str(root) + os.sep
    # The runner's own files and the interpreter are part of the cache key already.
    outside = tuple(str(p) + os.sep for p in (Path(sys.prefix).resolve(), root / ".cache",
                                              root / "tools"))

    def audit(event: str, args: tuple[object, ...]) -> None:
        # Record regular files under ROOT that the snippet opens for reading.
        if event != "open" or not isinstance(args[0], (str, bytes, os.PathLike)):
            return
        mode = args[1]
        if isinstance(mode, str) and any(c in mode for c in "wax+"):
            return
        path = os.path.realpath(os.fsdecode(args[0]))
        if path.startswith(inside) and not path.startswith(outside) and path != snippet_real:
            reads.add(path)

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
    source = snippet.read_text(encoding="utf-8")
    code = [compile("\n" * (n - 1) + text, str(snippet), "exec")
            for n, text in split_cells(source)]
    sys.addaudithook(audit)
    cells: list[dict[str, int]] = []
    start, cpu_start = time.perf_counter(), time.process_time()

    def cell_done(line: int) -> None:
        sys.stdout.flush()
        cells.append({"line": line, "stdout_end": os.lseek(1, 0, os.SEEK_CUR),
                      "figures_end": len(list(out_dir.glob("figure-*.png")))})

    for (line, _), cell in zip(split_cells(source), code):
        try:
            exec(cell, module.__dict__)
        except SystemExit as exc:
            if exc.code not in (None, 0):
                raise
            cell_done(line)  # sys.exit(0): the script ends here, successfully
            break
        cell_done(line)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    sys.stdout.flush()
    deps = sorted(os.path.relpath(p, root) for p in reads if os.path.isfile(p))
    meta = {"device": _device(module.__dict__), "torch": _torch_version(), "seconds": seconds,
            "cpu_seconds": cpu, "deps": deps, "cells": cells}
    (out_dir / "meta.json").write_text(json.dumps(meta), encoding="utf-8")


def run(snippet: Path, out_dir: Path, root: Path, cwd: str, env: dict[str, str]) -> None:
    """``main`` in a process forked from the fork server, set up as a fresh process."""
    os.chdir(cwd)
    os.environ.update(env)
    multiprocessing.set_start_method(None, force=True)  # the platform's default, not ours
    err = os.open(out_dir / "stderr.txt", os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    os.dup2(err, 2)
    os.close(err)
    try:
        main(snippet, out_dir, root)
    finally:
        atexit._run_exitfuncs()  # the process ends with os._exit, which skips them
        sys.stdout.flush()
        sys.stderr.flush()


if __name__ == "__main__":
    main(Path(sys.argv[1]).resolve(), Path(sys.argv[2]), Path(sys.argv[3]).resolve())
