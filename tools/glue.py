"""Numbers in a page's text taken from a run's output when the site is built.

A result the text quotes (an accuracy, a final loss) can differ in its last digits from
one machine to another (another CPU's math library, another torch), and the output under
the block is always this build's. So a page may write the number as a reference to the
output, which the build replaces with the number as this build's run printed it::

    reaches {{ output("examples/lenet_fashion_mnist.py", "Accuracy: {}%", 4) }}% in 2 epochs

- the snippet, a path under ``snippets/`` as in an include;
- a pattern: the text of an output line (or part of one) with ``{}`` where the number is,
  ``{_}`` for another number on the way; a run of spaces matches any run of spaces;
- which match counts (1 for the first, -1 for the last); without it the pattern must match
  exactly once, so that a change of output cannot make it quote another line.

Text in code blocks is left as it is. A reference that finds no number is an error naming
it (``GlueError``, whose ``line`` the build adds to the page's name).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from tools.fences import fences, resolve

GLUE = re.compile(
    r'\{\{[ \t]*output\([ \t]*"(?P<snippet>[^"\n]+)"[ \t]*,[ \t]*"(?P<pattern>[^"\n]+)"'
    r"[ \t]*(?:,[ \t]*(?P<nth>-?\d+)[ \t]*)?\)[ \t]*\}\}"
)
_START = re.compile(r"\{\{[ \t]*output\b")  # what an author means as a reference
_CODE_SPAN = re.compile(r"(`+).+?\1")
FORM = '{{ output("path/under/snippets.py", "text with {} for the number", n) }}'
_NUMBER = r"(?<![0-9.])[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?(?![0-9])"
_SLOT = re.compile(r"\{_?\}")
PENDING = "…"  # under `mkdocs serve`, until the run ends


class GlueError(ValueError):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


def regex(pattern: str) -> re.Pattern[str]:
    """The pattern as a regular expression with one group, the number; ValueError unless
    the pattern has exactly one ``{}``."""
    if pattern.count("{}") != 1:
        raise ValueError(f'the pattern "{pattern}" needs exactly one {{}} (the number it gives)')
    parts, at = [], 0
    for slot in _SLOT.finditer(pattern):
        parts.append(_literal(pattern[at : slot.start()]))
        parts.append(f"({_NUMBER})" if slot.group() == "{}" else _NUMBER)
        at = slot.end()
    parts.append(_literal(pattern[at:]))
    return re.compile("".join(parts))


def _literal(text: str) -> str:
    return r"[ \t]+".join(re.escape(word) for word in re.split(r"[ \t]+", text))


def pick(stdout: str, pattern: str, nth: int | None) -> str:
    """The number ``pattern`` (with ``nth``) points at in ``stdout``, as printed."""
    found = [m.group(1) for m in regex(pattern).finditer(stdout)]
    n = len(found)
    if not found:
        raise ValueError(f'"{pattern}" matches nothing in its output')
    times = "once" if n == 1 else f"{n} times"
    if nth is None and n > 1:
        raise ValueError(
            f'"{pattern}" matches {times} in its output: say which (1 to {n}, or -1 for the last)'
        )
    if nth is not None and (nth == 0 or abs(nth) > n):
        raise ValueError(f'"{pattern}" matches {times} in its output: there is no match {nth}')
    return found[0 if nth is None else nth - 1 if nth > 0 else nth]


def snippet(snippets: Path, name: str) -> Path:
    """The snippet a reference names, inside ``snippets`` (``fences.resolve``); ValueError
    if it is not there."""
    path = resolve(snippets, name)
    if not path.is_file():
        raise ValueError(f"{snippets.name}/{name} does not exist")
    return path


def references(markdown: str) -> Iterator[tuple[int, re.Match[str]]]:
    """(line, match) for each reference in ``markdown``, outside fenced blocks and code
    spans; ``GlueError`` for one that does not read as a reference (it would reach the
    page as it is)."""
    code = {n for f in fences(markdown) for n in range(f.lineno, f.end + 1)}
    lines = markdown.splitlines(keepends=True)
    starts = [0]
    for text in lines:
        starts.append(starts[-1] + len(text))
    for found in _START.finditer(markdown):
        line = bisect.bisect_right(starts, found.start())
        col = found.start() - starts[line - 1]
        spans = _CODE_SPAN.finditer(lines[line - 1])
        if line in code or any(s.start() <= col < s.end() for s in spans):
            continue
        m = GLUE.match(markdown, found.start())
        if m is None:
            got = markdown[found.start() :].split("\n", 1)[0][:80]
            raise GlueError(line, f"not a reference to a run's output: {got} (write {FORM})")
        yield line, m


def fill(markdown: str, stdout: Callable[[str], str | None]) -> str:
    """``markdown`` with each reference outside code replaced by its number.

    ``stdout(snippet)``: the output of the snippet a reference names (None while it runs:
    ``PENDING`` stands in); it raises ValueError for a snippet that cannot be read.
    """
    out, at = [], 0
    for line, m in references(markdown):
        try:
            text = stdout(m["snippet"])
            nth = int(m["nth"]) if m["nth"] else None
            value = PENDING if text is None else pick(text, m["pattern"], nth)
        except ValueError as exc:
            raise GlueError(line, f"{m.group()}: {exc}") from None
        out += [markdown[at : m.start()], value]
        at = m.end()
    return "".join(out) + markdown[at:]


def snippets(markdown: str) -> list[str]:
    """The snippets the references of ``markdown`` name, in order (none if one is malformed:
    the build says so)."""
    try:
        return [m["snippet"] for _, m in references(markdown)]
    except GlueError:
        return []
