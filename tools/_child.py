"""Run one snippet as ``__main__`` in this (fresh) process and describe the run.

Usage: ``python tools/_child.py SNIPPET OUT_DIR ROOT`` -- called by ``tools.runner``,
never by hand. The snippet's stdout is left untouched (the parent captures it byte for
byte); figures shown with ``plt.show()`` land in OUT_DIR (see ``notes_mpl_backend``), and
OUT_DIR/meta.json records the device, the torch version, the time taken and the files
under ROOT that the snippet read (its data dependencies, for the cache key).
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import runpy
import sys
import time
import warnings
from pathlib import Path


def _device() -> str:
    torch = sys.modules.get("torch")
    if torch is None:
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
    sys.addaudithook(audit)
    start, cpu_start = time.perf_counter(), time.process_time()
    try:
        runpy.run_path(str(snippet), run_name="__main__")
    except SystemExit as exc:
        if exc.code not in (None, 0):
            raise
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    sys.stdout.flush()
    deps = sorted(os.path.relpath(p, root) for p in reads if os.path.isfile(p))
    meta = {"device": _device(), "torch": _torch_version(), "seconds": seconds,
            "cpu_seconds": cpu, "deps": deps}
    (out_dir / "meta.json").write_text(json.dumps(meta), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]).resolve(), Path(sys.argv[2]), Path(sys.argv[3]).resolve())
