"""Which top-level modules a snippet's run imported, directly or through another package.

Used in the snippet's process (``tools/_child.py``). ``install()`` wraps ``__import__``
once per process; the fork server calls it before it preloads torch and torchvision, so
it also learns which modules each preloaded package brought in. A snippet forked from the
server that imports torch then counts numpy too, as it would in a fresh ``python``
(``import torch`` loads numpy), but not torchvision's Pillow unless it imports
torchvision. ``Tracker.start()`` marks the start of the run and ``Tracker.modules()``
lists, at its end, every top-level module it used, with the file it was loaded from
(``tools.environment`` turns those into distributions and versions).
"""

from __future__ import annotations

import builtins
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any


def _top(name: str) -> str:
    return name.partition(".")[0]


class Tracker:
    """Records the top-level names asked for by ``import`` statements."""

    def __init__(self) -> None:
        self.asked: set[str] = set()
        self.brought: dict[str, set[str]] = {}  # a module -> top-level modules it imported
        self._loading: list[str] = []
        self._before: set[str] = set()
        self._original: Callable[..., Any] = builtins.__import__

    def install(self) -> None:
        if getattr(builtins.__import__, "__self__", None) is self:
            return
        self._original = builtins.__import__
        builtins.__import__ = self._import

    def _import(
        self,
        name: str,
        globals: Mapping[str, object] | None = None,
        locals: Mapping[str, object] | None = None,
        fromlist: Sequence[str] | None = (),
        level: int = 0,
    ) -> Any:
        if level or not name:
            return self._original(name, globals, locals, fromlist, level)
        top = _top(name)
        self.asked.add(top)
        if self._loading:
            self.brought.setdefault(self._loading[-1], set()).add(top)
        if top in sys.modules:
            return self._original(name, globals, locals, fromlist, level)
        before = set(sys.modules)
        self._loading.append(top)
        try:
            return self._original(name, globals, locals, fromlist, level)
        finally:
            self._loading.pop()
            loaded = {_top(m) for m in set(sys.modules) - before} - {top}
            self.brought.setdefault(top, set()).update(loaded)

    def start(self) -> None:
        """The run starts: what was imported before it counts only if the run asks."""
        self.asked = set()
        self._before = set(sys.modules)

    def modules(self) -> dict[str, str | None]:
        """Every top-level module the run used, with the file or folder it came from."""
        used = set(self.asked) | {_top(m) for m in set(sys.modules) - self._before}
        todo = list(used)
        while todo:
            for other in self.brought.get(todo.pop(), ()):
                if other not in used:
                    used.add(other)
                    todo.append(other)
        out: dict[str, str | None] = {}
        for top in sorted(used):
            module = sys.modules.get(top)
            if module is None or top == "__main__":
                continue
            where = getattr(module, "__file__", None)
            path = getattr(module, "__path__", None)
            if where is None and path is not None:
                where = next(iter(path), None)
            out[top] = where
        return out


TRACKER = Tracker()
