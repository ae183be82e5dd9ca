"""Read the fences and headings of our Markdown pages and check the site's rules.

Shared by the MkDocs hook (the build fails on any problem) and ``tests/test_pages.py``.
Include lines are recognised with pymdown-extensions' own pattern, not a re-implementation.
Pages are twins ``x.zh.md`` / ``x.en.md``; snippets live under ``snippets/``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pymdownx.snippets import SnippetPreprocessor

LANGS = ("zh", "en")
RUN_LANGS = {"python", "py", "python3", "pycon"}  # must include a snippet
FORBIDDEN_LANGS = {"bash", "sh", "shell", "zsh"}  # pytest-codeblocks would run these
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
        return self.info.split()[0].lower() if self.info.split() else ""

    @property
    def include(self) -> str | None:
        """The target of the fence's only line if that is a ``--8<-- "target"`` include."""
        lines = [line for line in self.body if line.strip()]
        if len(lines) != 1:
            return None
        m = SnippetPreprocessor.RE_ALL_SNIPPETS.match(lines[0])
        if not m or m.group("escape") or not m.group("inline_marker"):
            return None
        return m.group("snippet")[1:-1].strip()


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
        out.append(Fence(i + 1, j + 1, m.group("indent"), m.group("info").strip(),
                         tuple(lines[i + 1 : j])))
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


def twin(page: Path) -> Path:
    stem, lang = page.name[: -len(".xx.md")], page.name[-len("xx.md") : -len(".md")]
    other = LANGS[1 - LANGS.index(lang)]
    return page.with_name(f"{stem}.{other}.md")


def check(docs: Path, snippets: Path) -> list[str]:
    """Every rule violation in ``docs`` and ``snippets``, each naming its file and line."""
    problems: list[str] = []
    used: set[Path] = set()
    root = docs.parent
    for page in sorted(docs.rglob("*.md")):
        rel = page.relative_to(root)
        if not page.name.endswith(tuple(f".{lang}.md" for lang in LANGS)):
            problems.append(f"{rel}: name a page x.zh.md or x.en.md (its language)")
            continue
        text = page.read_text(encoding="utf-8")
        for f in fences(text):
            where = f"{rel}:{f.lineno}"
            if f.lang in FORBIDDEN_LANGS:
                problems.append(f"{where}: '{f.lang}' fence would be executed; use 'console'")
            elif f.lang in RUN_LANGS and f.include is None:
                problems.append(f"{where}: python block typed into the page; put the code "
                                "in snippets/ and include it with --8<--")
            elif f.include is not None:
                target = snippets / f.include
                if f.lang in RUN_LANGS and not f.include.endswith(".py"):
                    problems.append(f"{where}: python fence must include a whole .py file, "
                                    f"not '{f.include}'")
                elif not target.is_file():
                    problems.append(f"{where}: snippet {target.relative_to(root)} not found")
                else:
                    used.add(target.resolve())
        for n, heading, anchor in headings(text):
            if anchor is None:
                problems.append(f"{rel}:{n}: heading '{heading}' needs an explicit "
                                "{ #anchor } shared by both languages")
        other = twin(page)
        if not other.is_file():
            problems.append(f"{rel}: its translation {other.relative_to(root)} is missing")
        elif page.name.endswith(".zh.md"):
            problems += _compare(rel, text, other.relative_to(root),
                                 other.read_text(encoding="utf-8"))
    for snippet in sorted(snippets.rglob("*")):
        if (snippet.is_file() and "__pycache__" not in snippet.parts
                and snippet.resolve() not in used):
            problems.append(f"{snippet.relative_to(root)}: orphan snippet, no page includes it")
    return problems


def _compare(zh: Path, zh_text: str, en: Path, en_text: str) -> list[str]:
    problems = []
    for what, get in (("snippet includes", includes),
                      ("heading anchors", lambda t: [a for _, _, a in headings(t)])):
        a, b = get(zh_text), get(en_text)
        if a != b:
            only = [x for x in a if x not in b] + [x for x in b if x not in a]
            detail = f"differ: {only}" if only else "are in a different order"
            problems.append(f"{zh} and {en}: {what} {detail}")
    return problems
