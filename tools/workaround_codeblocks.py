"""pytest-codeblocks (0.18.0, checked against it) taught our pages, for ``conftest.py``.

Why: a page's python fence holds one ``--8<-- "x.py"`` line (pymdownx.snippets); stock
pytest-codeblocks would exec that line as Python and skip fences with a title, and has
no hook to change either. It has no public API for this, so ``teach`` replaces two of
its internals: ``pytest_codeblocks.plugin.extract_from_file(path, ...)``, which lists a
page's blocks (``pytest_codeblocks.main.CodeBlock(code, lineno, syntax)``), and
``pytest_codeblocks.plugin.TestBlock.runtest``, which runs one (its block is ``.obj``).
``tests/test_workarounds.py`` fails when either changes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest_codeblocks.plugin as plugin
from pytest_codeblocks.main import CodeBlock


def block(code: str, lineno: int, syntax: str, **ours: Any) -> CodeBlock:
    """A block as pytest-codeblocks holds it, with our own attributes added."""
    made = CodeBlock(code, lineno, syntax)
    for name, value in ours.items():
        setattr(made, name, value)
    return made


def teach(blocks: Callable[[Path], list[CodeBlock]], run: Callable[[Any, Path], None]) -> None:
    """Have pytest-codeblocks collect ``blocks(page)`` and run each with
    ``run(block, page)`` (``page``: the Markdown file's absolute path)."""
    plugin.extract_from_file = lambda path, *args, **kwargs: blocks(Path(path))
    plugin.TestBlock.runtest = lambda self: run(self.obj, Path(self.path).resolve())
