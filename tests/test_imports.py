"""The shape of ``tools/``: data flows one way (no import cycles) and modules keep no state.

Read with ``ast``, nothing imported: every ``import tools.x`` / ``from tools import x`` /
``from tools.x import y``, at any depth (a function-level import hides a cycle as well as
ever), makes an edge; a cycle fails, named module by module.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tools.site import ROOT

TOOLS = ROOT / "tools"
# Not yet free of module state (their own issue's work): shrink this, never grow it.
STATEFUL = {"hooks", "hook_render_cache", "hook_search_cache", "notes_mpl_backend"}


def imports(path: Path) -> set[str]:
    """The modules of ``tools/`` that ``path`` imports."""
    mine = {p.stem for p in TOOLS.glob("*.py")}
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [f"{node.module}.{a.name}" for a in node.names] + [node.module]
        else:
            continue
        found |= {n.split(".")[1] for n in names if n.startswith("tools.")} & mine
    return found - {path.stem}


def cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of ``graph`` (``a -> b -> a``), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        state[node] = 2
        path.pop()
        return None

    return next((c for n in sorted(graph) if n not in state and (c := visit(n))), None)


def test_tools_import_no_cycle() -> None:
    graph = {p.stem: imports(p) for p in TOOLS.glob("*.py")}
    found = cycle(graph)
    assert found is None, "import cycle in tools/: " + " -> ".join(found or [])


def test_a_cycle_is_found() -> None:
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    assert cycle({"site": set(), "pages": {"site"}, "generate": {"pages", "site"}}) is None


def mutable_state(path: Path) -> list[str]:
    """Module-level mutable containers (a lower-case name bound to a dict, list or set)
    and ``global`` statements of ``path``; UPPER-CASE tables are constants."""
    if not path.is_file():
        return []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    kinds = (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp)
    found = [
        f"{path.name}:{node.lineno}: global {', '.join(node.names)}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Global)
    ]
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
        value = getattr(node, "value", None)
        mutable = isinstance(value, kinds) or (
            isinstance(value, ast.Call) and getattr(value.func, "id", "") in ("dict", "list", "set")
        )
        for t in targets:
            if mutable and isinstance(t, ast.Name) and not t.id.isupper() and t.id[:2] != "__":
                found.append(f"{path.name}:{node.lineno}: {t.id}")
    return found


def test_modules_keep_no_mutable_state() -> None:
    found = [s for p in TOOLS.glob("*.py") if p.stem not in STATEFUL for s in mutable_state(p)]
    assert not found, "module-level state (put it in an object):\n" + "\n".join(found)
    clean = [m for m in STATEFUL if not mutable_state(TOOLS / f"{m}.py")]
    assert not clean, f"no module state in {clean} now: drop them from STATEFUL"
