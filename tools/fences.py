"""The fences, headings and includes of a Markdown page, read as the build reads them.

A fence's language says whether it highlights as Python (Pygments' own lexer lookup); its
include line is recognised with pymdown-extensions' own pattern, not a re-implementation.
``block_problem`` is the rule every fence is held to. ``tools.pages`` builds the site's
rules on these.
"""

from __future__ import annotations

import functools
import os
import re
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
LITTER_FOLDERS = {
    "__pycache__",
    ".ipynb_checkpoints",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
}
# The classes of what the build writes under a block (tools.render); never in a page's text.
BUILD_CLASSES = re.compile(r"snippet-output|page-stamp")
_ATTR_LANG = re.compile(r"^\{\s*\.(?P<lang>[\w+-]+)")  # ```{ .python title="x" }
_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<mark>`{3,}|~{3,})[ \t]*(?P<info>[^`]*)$")
_HEADING = re.compile(r"^#{1,6}[ \t]+(?P<text>.*?)[ \t]*$")
_ANCHOR = re.compile(r"\{[ \t]*#(?P<id>[\w-]+)[^}]*\}$")
_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")


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

    @property
    def include_line(self) -> int | None:
        """The 1-based line of the fence's include, if it has one (``include``)."""
        if self.include is None:
            return None
        return self.lineno + 1 + next(i for i, line in enumerate(self.body) if line.strip())


@functools.cache
def is_python(lang: str) -> bool:
    """Whether a fence of language ``lang`` is highlighted as Python code: one of
    ``PYTHON_LEXERS`` or a lexer derived from one (``numpy``'s is Python's, extended)."""
    try:
        lexer = pygments.lexers.find_lexer_class_by_name(lang)
    except pygments.util.ClassNotFound:
        return False
    return any(cls.__name__ in PYTHON_LEXERS for cls in lexer.__mro__)


def is_hidden(rel: Path) -> bool:
    """A path (relative to snippets/) with a part starting with ``.``: never included."""
    return any(part.startswith(".") for part in rel.parts)


def is_litter(rel: Path) -> bool:
    """Editor and interpreter litter under snippets/ (``rel`` relative to it), which the
    orphan check ignores and no page may include: ``.x.swp``, ``.#x``, ``x~``, ``#x#``,
    ``__pycache__`` and the like. Any other hidden file is an orphan."""
    name = rel.name
    return (
        any(part in LITTER_FOLDERS for part in rel.parts)
        or name.startswith(("#", ".#"))
        or name.endswith(("~", ".swp", ".swo", ".swx", ".pyc", ".orig", ".bak"))
        or name == ".DS_Store"
    )


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
    base, resolved = os.path.realpath(snippets), os.path.realpath(path)  # (strings: fast)
    if resolved != base and not resolved.startswith(base + os.sep):
        raise ValueError(f"include '{target}' is a link leading out of {snippets.name}/")
    real = Path(os.path.relpath(resolved, base))
    if any(is_hidden(rel) or is_litter(rel) for rel in (Path(target), real)):
        raise ValueError(
            f"include '{target}' names a hidden or scratch file (a part starting with '.', "
            "an editor's or interpreter's file); a snippet's path has none"
        )
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
    stat = target.stat()
    shown = _not_as_shown(target, stat.st_mtime_ns, stat.st_size)
    return f"snippet {target.relative_to(root)}:{shown}; nothing was run" if shown else None


@functools.lru_cache(maxsize=1024)
def _not_as_shown(path: Path, mtime_ns: int, size: int) -> str | None:
    """The first line of a snippet that the page would not show as it runs: include
    notation (pymdownx expands or drops it for display: ``--8<-- "x"``, ``--8<--``, a
    section marker, escaped with ``;`` or not), a tab or a line of only spaces (Markdown
    turns them into spaces and an empty line). None if every line is shown as it runs."""
    text = path.read_text(encoding="utf-8", errors="replace")
    for n, line in enumerate(text.split("\n"), 1):
        line = line.rstrip("\r")
        if SnippetPreprocessor.RE_ALL_SNIPPETS.match(line) or (
            "8<-" in line and SnippetPreprocessor.RE_SNIPPET_SECTION.match(line)
        ):
            why = (
                f"include notation '{line.strip()}': the page would show other code than "
                "the one that runs (a snippet includes nothing; print it as '--8<' + '--')"
            )
        elif "\t" in line:
            why = "a tab: the page would show spaces (indent with spaces; '\\t' in a string)"
        elif line and not line.strip(" "):
            why = "only spaces: the page would show an empty line (remove them)"
        else:
            continue
        return f"{n} holds {why}"
    return None


@functools.lru_cache(maxsize=512)
def stray_includes(text: str) -> tuple[tuple[int, str], ...]:
    """(line, problem) for each include line (``--8<--``, not escaped with ``;``) that is
    not the only line of a fence: in prose, or beside other lines in a fence."""
    sole = {f.include_line for f in fences(text)}
    return tuple(
        (
            n,
            f"include line '{line.strip()}' outside a code fence of its own: a page "
            "includes only snippets, each as the single line of a fence; nothing was run",
        )
        for n, line in enumerate(text.splitlines(), 1)
        if (m := SnippetPreprocessor.RE_ALL_SNIPPETS.match(line))
        and not m.group("escape")
        and n not in sole
    )


@functools.lru_cache(maxsize=512)
def typed_output(text: str) -> tuple[tuple[int, str], ...]:
    """(line, problem) for each line outside fences and inline code that names a class of
    the build's output (``snippet-output``, ``page-stamp``): output typed into a page."""
    inside = {n for f in fences(text) for n in range(f.lineno, f.end + 1)}
    return tuple(
        (
            n,
            f"'{m.group(0)}' typed into the page: output comes only from a snippet's "
            "run, put under its block by the build",
        )
        for n, line in enumerate(text.splitlines(), 1)
        if n not in inside and (m := BUILD_CLASSES.search(_INLINE_CODE.sub("", line)))
    )


@functools.lru_cache(maxsize=512)  # a page's text is parsed by several checks, on every build
def fences(text: str) -> tuple[Fence, ...]:
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
    return tuple(out)


@functools.lru_cache(maxsize=512)
def headings(text: str) -> tuple[tuple[int, str, str | None], ...]:
    """(line, text, explicit anchor or None) for each ATX heading outside fences."""
    inside = {n for f in fences(text) for n in range(f.lineno, f.end + 1)}
    return tuple(
        (n, m.group("text"), a.group("id") if (a := _ANCHOR.search(m.group("text"))) else None)
        for n, line in enumerate(text.splitlines(), 1)
        if n not in inside and (m := _HEADING.match(line))
    )


def includes(text: str) -> list[str]:
    """Targets of all include fences, in page order."""
    return [f.include for f in fences(text) if f.include is not None]
