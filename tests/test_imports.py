"""The shape of ``tools/``: data flows one way (no import cycle). Module state and sizes:
``tests/test_structure.py``.

Read with ``ast``, nothing imported. Every ``import tools.x``, ``from tools import x`` or
``from tools.x import y``, at any depth (a function-level import hides a cycle, it does not
remove it), is an edge; a cycle fails, named module by module.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tools.site import ROOT

TOOLS = ROOT / "tools"


def imports(path: Path) -> set[str]:
    """The modules of ``tools/`` that ``path`` imports."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found |= {node.module} | {f"{node.module}.{a.name}" for a in node.names}
    mine = {p.stem for p in TOOLS.glob("*.py")} - {path.stem}
    return {n.split(".")[1] for n in found if n.startswith("tools.")} & mine


def cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of ``graph`` (``a -> b -> a``), or None (a depth-first search)."""
    done: set[str] = set()

    def visit(node: str, path: list[str]) -> list[str] | None:
        for nxt in sorted(graph.get(node, ())):
            if nxt in path:
                return path[path.index(nxt) :] + [nxt]
            if nxt not in done and (found := visit(nxt, path + [nxt])):
                return found
        done.add(node)
        return None

    return next((c for n in sorted(graph) if n not in done and (c := visit(n, [n]))), None)


def test_tools_import_no_cycle() -> None:
    found = cycle({p.stem: imports(p) for p in TOOLS.glob("*.py")})
    assert found is None, "import cycle in tools/: " + " -> ".join(found or [])
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    assert cycle({"site": set(), "pages": {"site"}, "generate": {"pages", "site"}}) is None
