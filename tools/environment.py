"""What a snippet's run depended on, outside its own source: Python and installed packages.

A cached result is valid only in the environment it ran in. The child (``tools/_child.py``)
reports the top-level modules the snippet's run imported, directly or through another
package, with the file each was loaded from. ``Environment.describe`` turns them into the
distributions they come from and their versions (``{"numpy": "2.4.6"}``); a module that no
installed distribution owns (a package on ``PYTHONPATH``, a helper next to the snippet), or
a distribution installed from a local folder (``pip install -e``), counts by a hash of its
own files instead (``"local 3f2a…"``). Standard-library modules and the runner's own files
(already in the cache key) are left out.

``Environment.changes`` compares what an entry recorded with what is installed now and
says, in words, what differs (``"numpy 2.4.6 → 2.4.7"``): any difference means a run.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import json
import os
import platform
import re
import sys
import sysconfig
from collections.abc import Iterable, Mapping
from pathlib import Path

from tools.writing import write_atomic

LOCAL = "local "  # prefix of a version that is a content hash


def cpu_identity() -> str:
    """The CPU as MKL's code paths tell CPUs apart (``AuthenticAMD avx512``): no pin makes
    an AMD and an Intel host print the same last digits (the overfitting exercise: test loss
    0.2323 and 0.2339; 0.2329 and 0.2322 with ``MKL_CBWR=COMPATIBLE``)."""
    with contextlib.suppress(OSError):
        info = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
        vendor = re.search(r"^vendor_id\s*:\s*(\S+)", info, re.MULTILINE)
        avx512 = re.search(r"^flags\s*:.*\bavx512f\b", info, re.MULTILINE)
        return (vendor.group(1) if vendor else platform.machine()) + " avx512" * bool(avx512)
    return platform.machine()


def python_version() -> str:
    """The interpreter, as it joins the cache key: ``CPython 3.11.7``."""
    return f"{platform.python_implementation()} {platform.python_version()}"


def _stdlib_dirs() -> tuple[str, ...]:
    paths = sysconfig.get_paths()
    dirs = {paths["stdlib"], paths["platstdlib"]}
    return tuple(str(Path(d).resolve()) + os.sep for d in dirs)


def _tree_hash(path: Path) -> str:
    """SHA-256 over a module file, or over every file under a package folder."""
    digest = hashlib.sha256()
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    for f in files:
        if "__pycache__" in f.parts:
            continue
        digest.update(f.relative_to(path.parent).as_posix().encode() + b"\0")
        digest.update(f.read_bytes())
    return LOCAL + digest.hexdigest()[:16]


class Environment:
    """The installed distributions, read once (they change only when packages do).

    ``skip`` lists folders whose modules are already in the cache key (the runner's own);
    a module of such a folder recorded in another copy of the project counts as one too
    (a run recorded ``/old/tools/notes_mpl_backend.py``: the project was copied or moved).
    """

    def __init__(self, skip: Iterable[Path] = (), cache: Path | None = None) -> None:
        self._cache = cache
        self._skip = tuple(str(Path(p).resolve()) + os.sep for p in skip)
        self._own = {  # (folder, file) of each module there: not a package's __init__
            (Path(p).name, f.name)
            for p in skip
            for f in Path(p).glob("*.py")
            if f.stem != "__init__"
        }
        self._stdlib = _stdlib_dirs()
        self._owners: dict[str, list[str]] | None = None
        self._versions: dict[str, str] = {}
        self._known: dict[tuple[str, str], dict[str, str]] = {}

    def owners(self, top: str) -> list[str]:
        """The distributions that install top-level module ``top``."""
        if self._owners is None:
            self._owners = self._read_owners()
        return self._owners.get(top, [])

    def _read_owners(self) -> dict[str, list[str]]:
        """``packages_distributions()`` (about a second: it reads every RECORD), kept on
        disk until a folder on ``sys.path`` changes (a package installed or removed)."""
        if self._cache is None:
            return dict(importlib.metadata.packages_distributions())
        stamp = [(d, os.stat(d).st_mtime_ns) for d in sys.path if d and os.path.isdir(d)]
        name = hashlib.sha256(json.dumps(stamp).encode()).hexdigest()[:16]
        path = self._cache / f"owners-{name}.json"
        try:
            owners: dict[str, list[str]] = json.loads(path.read_text("utf-8"))
            return owners
        except (OSError, ValueError):
            pass
        owners = dict(importlib.metadata.packages_distributions())
        write_atomic(path, json.dumps(owners))
        return owners

    def version(self, dist: str, where: Path | None = None) -> str | None:
        """``dist``'s version; for a local-folder install, the hash of ``where``."""
        if dist not in self._versions:
            try:
                found = importlib.metadata.distribution(dist)
            except importlib.metadata.PackageNotFoundError:
                return None
            self._versions[dist] = found.version
            direct = found.read_text("direct_url.json")
            if direct and "dir_info" in json.loads(direct) and where is not None:
                self._versions[dist] = f"{found.version} {_tree_hash(where)}"
        return self._versions[dist]

    def describe(self, modules: Mapping[str, str | None]) -> dict[str, str]:
        """``{distribution or module: version}`` for the top-level modules a run imported.

        ``modules`` maps each top-level module name to the file or folder it was loaded
        from (``None`` for a built-in module)."""
        out: dict[str, str] = {}
        for top, where in sorted(modules.items()):
            if where is not None:
                out.update(self._one(top, where))
        return out

    def _one(self, top: str, where: str) -> dict[str, str]:
        """``describe`` of one module; what an installed distribution owns is remembered
        (its version is read once per process), a module of no distribution is hashed."""
        if (top, where) in self._known:
            return self._known[(top, where)]
        real = os.path.realpath(where)
        own = (Path(real).parent.name, Path(real).name) in self._own
        if own or real.startswith(self._stdlib + self._skip) and "site-packages" not in real:
            self._known[(top, where)] = {}
            return {}
        root = _package_root(Path(real), top)
        owners = self.owners(top)
        if not owners:
            return {top: _tree_hash(root)} if root.exists() else {}
        out = {d: v for d in owners if (v := self.version(d, root)) is not None}
        self._known[(top, where)] = out
        return out

    def changes(self, recorded: Mapping[str, str], modules: Mapping[str, str | None]) -> list[str]:
        """What differs between ``recorded`` and the same modules as installed now."""
        now = self.describe(modules)
        said = []
        for name in sorted(set(recorded) | set(now)):
            before, after = recorded.get(name), now.get(name)
            if before == after:
                continue
            if after is None:
                said.append(f"{name} {before} no longer installed")
            elif before is None:
                said.append(f"{name} {after} now installed")
            elif before.startswith(LOCAL) or after.startswith(LOCAL) or " " in after:
                said.append(f"{name} changed (local files)")
            else:
                said.append(f"{name} {before} → {after}")
        return said


def _package_root(path: Path, top: str) -> Path:
    """The folder of package ``top`` (``…/numpy`` for ``…/numpy/__init__.py``), or the file
    of a single-file module."""
    if path.name == "__init__.py" or path.is_dir():
        return path.parent if path.name == "__init__.py" else path
    for parent in path.parents:
        if parent.name == top:
            return parent
    return path
