"""The tooling's shape, checked by parsing it (``ast``): module and function sizes (and the
tests' and ``conftest.py``'s module sizes), no mutable module-level state, no private name
of another package outside the files that fence such uses off (each says package, versions
and why, with a canary test in ``tests/test_workarounds.py``)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TOOLS = sorted((ROOT / "tools").glob("*.py"))
BENCH = sorted((ROOT / "bench").glob("*.py"))
PYTHON = [*TOOLS, ROOT / "conftest.py", *sorted((ROOT / "tests").glob("*.py"))]
OURS = {"tools", "tests", "bench", "conftest"}
# Files that may touch upstream private names: the workaround files.
FENCED = {
    "tools/hook_notebook_cache.py",
    "tools/hook_render_cache.py",
    "tools/hook_search_cache.py",
}
FENCED |= {f"tools/{p.name}" for p in TOOLS if p.name.startswith("workaround_")}
FENCED |= {"tests/test_workarounds.py"}  # their canaries
# Left to fence (shrink this list, never grow it): tests/test_executor.py
# (``multiprocessing.process._cleanup``: races Process.start() on purpose).
NOT_YET_FENCED = {"tests/test_executor.py"}
# Underscore names that are public, documented API.
DOCUMENTED = {"os._exit"}
# Sizes and module-level state, left (shrink this, never grow it).
NOT_YET_SPLIT: set[str] = set()
MAX_MODULE, MAX_FUNCTION = 400, 50
MUTABLE = {"dict", "list", "set", "OrderedDict", "defaultdict", "deque", "Counter"}
# The one object holding a build's (or a serve session's) state; per-process caches of
# work that every build repeats (tools/hook_render_cache.py: its docstring says why).
STATE = {("tools/hooks.py", "BUILD"), ("tools/hook_render_cache.py", "_memo")}
STATE |= {("tools/hook_render_cache.py", "_templates"), ("tools/hook_render_cache.py", "_listed")}
# The import tracker of a snippet's own process (one per process: it wraps __import__).
STATE |= {("tools/_imports.py", "TRACKER")}


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def own_names() -> set[str]:
    """Every name our code defines: a private name outside them is another package's."""
    names = set()
    for path in PYTHON:
        for node in ast.walk(tree(path)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, ast.arg):
                names.add(node.arg)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                if isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"):
                    names.add(node.attr)
    return names


def private_uses(path: Path, own: set[str]) -> list[str]:
    """``x._name`` where ``_name`` is not ours or ``x`` is another package's module, and
    ``from package import _name``."""
    module = tree(path)
    foreign = set()  # names bound to another package's modules
    found = []
    for node in ast.walk(module):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] not in OURS:
                    foreign.add(alias.asname or alias.name.split(".")[0])
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] not in OURS:
            found += [f"{node.lineno}: import {a.name}" for a in node.names if _private(a.name)]
    for node in ast.walk(module):
        if isinstance(node, ast.Attribute) and _private(node.attr):
            base = node.value
            while isinstance(base, ast.Attribute):
                base = base.value
            named = ast.unparse(node)
            if named in DOCUMENTED:
                continue
            if node.attr not in own or (isinstance(base, ast.Name) and base.id in foreign):
                found.append(f"{node.lineno}: {named}")
    return found


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def test_no_private_name_of_another_package_outside_the_workaround_files() -> None:
    own = own_names()
    found = {
        rel(p): uses
        for p in PYTHON
        if rel(p) not in FENCED | NOT_YET_FENCED and (uses := private_uses(p, own))
    }
    assert not found, (
        f"upstream internals outside a workaround file (tools/workaround_*.py): {found}"
    )


def test_the_checks_can_fail(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import atexit\nfrom x import _y\natexit._run_exitfuncs()\nfig._suptitle\n\n\ndef f():\n    global y\n    y = 1\n"
    )
    assert len(private_uses(bad, {"_run_exitfuncs"})) == 3
    assert too_long(bad, limit=2) and mutable_state(bad) == ["8: global"]
    assert mutable_state(tmp_path / "state.py", "_cache: dict = {}\nTABLE = {1: 2}\n") == [
        "1: _cache"
    ]


def too_long(path: Path, limit: int = MAX_FUNCTION) -> list[str]:
    return [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(tree(path))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > limit
    ]


def mutable_state(path: Path, text: str | None = None) -> list[str]:
    """Module-level containers (a constant table, named in capitals, aside), instances of
    our classes, and ``global`` statements."""
    if text is not None:
        path.write_text(text, encoding="utf-8")
    module = tree(path)
    classes = {n.name for n in ast.walk(module) if isinstance(n, ast.ClassDef)}
    found = [f"{n.lineno}: global" for n in ast.walk(module) if isinstance(n, ast.Global)]
    containers = (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp)
    for node in module.body:
        if not isinstance(node, ast.Assign | ast.AnnAssign) or node.value is None:
            continue
        value = node.value
        call = value.func if isinstance(value, ast.Call) else None
        called = call.id if isinstance(call, ast.Name) else ""
        for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
            name = ast.unparse(target)
            container = isinstance(value, containers) or called in MUTABLE
            if (container and not name.isupper()) or called in classes | {"Build"}:
                found.append(f"{node.lineno}: {name}")
    return found


@pytest.mark.parametrize("path", [p for p in TOOLS + BENCH if rel(p) not in NOT_YET_SPLIT], ids=rel)
def test_module_and_function_sizes(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_MODULE, f"{rel(path)}: {lines} lines (at most {MAX_MODULE})"
    assert not too_long(path), f"{rel(path)}: functions over {MAX_FUNCTION} lines: {too_long(path)}"


@pytest.mark.parametrize("path", PYTHON[len(TOOLS) :], ids=rel)
def test_test_module_sizes(path: Path) -> None:
    """The tests and ``conftest.py`` are held to the tooling's module size too (split a
    test file by subject when it grows past it)."""
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_MODULE, f"{rel(path)}: {lines} lines (at most {MAX_MODULE})"


@pytest.mark.parametrize("path", [p for p in TOOLS if rel(p) not in NOT_YET_SPLIT], ids=rel)
def test_no_mutable_module_level_state(path: Path) -> None:
    found = [s for s in mutable_state(path) if (rel(path), s.split(": ", 1)[1]) not in STATE]
    assert not found, f"{rel(path)}: module-level state (put it in the build's object): {found}"


def test_the_allow_lists_hold_only_what_is_left() -> None:
    """An entry whose file no longer needs it must go, so the lists only shrink."""
    own = own_names()
    assert not [f for f in NOT_YET_FENCED if not private_uses(ROOT / f, own)]
    sized = [f for f in NOT_YET_SPLIT if not too_long(ROOT / f) and not mutable_state(ROOT / f)]
    assert not sized, f"{sized} hold no long function and no module state now: drop them"
    stale = [
        (f, n) for f, n in STATE if n not in {s.split(": ", 1)[1] for s in mutable_state(ROOT / f)}
    ]
    assert not stale, f"no such module state now: {stale}"


def test_every_module_is_described() -> None:
    """ARCHITECTURE.md gives each module of ``tools/`` a line; README's "How it works" names
    each (``tools/workaround_*.py`` names them all)."""
    architecture = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    modules = [p for p in TOOLS if p.name != "__init__.py"]
    assert not [rel(p) for p in modules if f"| `{p.name}` |" not in architecture]
    glob = "tools/workaround_*.py"
    assert not [rel(p) for p in modules if f"`{rel(p)}`" not in readme and not p.match(glob)]
