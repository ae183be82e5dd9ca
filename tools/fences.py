"""The fences, headings and includes of a Markdown page, read as the build reads them.

A fence's language says whether it highlights as Python (Pygments' own lexer lookup); its
include line is recognised with pymdown-extensions' own pattern, not a re-implementation.
``block_problem`` is the rule every fence is held to. ``tools.pages`` builds the site's
rules on these.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pygments.lexers
import pygments.util
from pymdownx.snippets import SnippetPreprocessor

FORBIDDEN_LANGS = {"bash", "sh", "shell", "zsh"}  # pytest-codeblocks would run these
# Pygments lexers that highlight a fence as Python: such a fence is code, and must include
# a snippet (py, py3, python3, pycon, ipython, sage, ... all map to one of these).
PYTHON_LEXERS = {
    "PythonLexer",
    "Python2Lexer",
    "PythonConsoleLexer",
    "IPython",
    "IPython3",
    "IPythonLexer",
    "IPython3Lexer",
    "IPythonConsoleLexer",
}
ORPHAN = ": orphan snippet, no page includes it"
_ATTR_LANG = re.compile(r"^\{\s*\.(?P<lang>[\w+-]+)")  # ```{ .python title="x" }
_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<mark>`{3,}|~{3,})[ \t]*(?P<info>[^`]*)$")
_HEADING = re.compile(r"^#{1,6}[ \t]+(?P<text>.*?)[ \t]*$")
_ANCHOR = re.compile(r"\{[ \t]*#(?P<id>[\w-]+)[^}]*\}$")


@dataclass(frozen=True)
class Fence:
    lineno: int  # 1-based line of the opening fence
    end: int  # 1-based line of the closing fence
    indent: str
    info: str  # the whole info string, e.g. 'python title="x"'
    body: tuple[str, ...]

    @property
    def lang(self) -> str:
        """The fence's language, as pymdownx.superfences reads it (``py``, ``{ .py }``)."""
        m = _ATTR_LANG.match(self.info)
        if m:
            return m.group("lang").lower()
        return self.info.split()[0].lower() if self.info.split() else ""

    @property
    def is_python(self) -> bool:
        return is_python(self.lang)

    @property
    def include(self) -> str | None:
        """The target of the fence's only line if that is a ``--8<-- "target"`` include."""
        lines = [line for line in self.body if line.strip()]
        if len(lines) != 1:
            return None
        m = SnippetPreprocessor.RE_ALL_SNIPPETS.match(lines[0])
        if not m or m.group("escape") or not m.group("inline_marker"):
            return None
        return str(m.group("snippet")[1:-1].strip())


@functools.cache
def is_python(lang: str) -> bool:
    """Whether a fence of language ``lang`` is highlighted as Python code."""
    try:
        lexer = pygments.lexers.find_lexer_class_by_name(lang)
    except pygments.util.ClassNotFound:
        return False
    return lexer.__name__ in PYTHON_LEXERS


def resolve(snippets: Path, target: str) -> Path:
    """The file an include names, which must lie inside ``snippets`` (no ``..``, no
    absolute path, no link leading out). Raises ``ValueError`` saying why not."""
    if Path(target).is_absolute() or target.startswith(("/", "\\")):
        raise ValueError(
            f"include '{target}' is an absolute path; name a file under {snippets.name}/"
        )
    if ".." in Path(target).parts:
        raise ValueError(f"include '{target}' leaves {snippets.name}/ ('..')")
    path = snippets / target
    if not path.resolve().is_relative_to(snippets.resolve()):
        raise ValueError(f"include '{target}' is a link leading out of {snippets.name}/")
    return path


def block_problem(fence: Fence, snippets: Path, root: Path) -> str | None:
    """What is wrong with one fence, in the words both the build and pytest use."""
    if fence.lang in FORBIDDEN_LANGS:
        return f"'{fence.lang}' fence would be executed; use 'console'"
    if fence.include is None:
        return (
            (
                "python block typed into the page; put the code in snippets/ and include "
                "it with --8<--"
            )
            if fence.is_python
            else None
        )
    try:
        target = resolve(snippets, fence.include)
    except ValueError as exc:
        return f"{exc}; nothing was run"
    if fence.is_python and not fence.include.endswith(".py"):
        return f"python fence must include a whole .py file, not '{fence.include}'"
    if fence.include.endswith(".py") and not fence.is_python:
        return (
            f"'{fence.include}' is Python, shown in a '{fence.lang or 'plain'}' fence; "
            "include .py files in python fences (they are run)"
        )
    if not target.is_file():
        return f"snippet {target.relative_to(root)} not found"
    return None


def fences(text: str) -> list[Fence]:
    """Every fenced block of ``text``, including those indented in tabs or admonitions."""
    out: list[Fence] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        m = _FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        mark, j = m.group("mark"), i + 1
        close = re.compile(rf"^[ \t]*{re.escape(mark[0])}{{{len(mark)},}}[ \t]*$")
        while j < len(lines) and not close.match(lines[j]):
            j += 1
        out.append(
            Fence(i + 1, j + 1, m.group("indent"), m.group("info").strip(), tuple(lines[i + 1 : j]))
        )
        i = j + 1
    return out


def headings(text: str) -> Iterator[tuple[int, str, str | None]]:
    """(line, text, explicit anchor or None) for each ATX heading outside fences."""
    inside = {n for f in fences(text) for n in range(f.lineno, f.end + 1)}
    for n, line in enumerate(text.splitlines(), 1):
        m = _HEADING.match(line)
        if m and n not in inside:
            a = _ANCHOR.search(m.group("text"))
            yield n, m.group("text"), a.group("id") if a else None


def includes(text: str) -> list[str]:
    """Targets of all include fences, in page order."""
    return [f.include for f in fences(text) if f.include is not None]
