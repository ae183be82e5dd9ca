"""A program's output as a terminal shows it, as HTML.

Each line's carriage-return frames (a progress bar redrawn with ``\\r``) overwrite one
another as on a terminal, so only what is left shows; ANSI colour and style codes (SGR,
``ESC[...m``) become ``<span class="ansi-...">`` (colours in ``snippet-output.css``);
every other escape sequence (cursor moves, erasing) is dropped. Plain text comes out as
``html.escape`` gives it. Needs nothing else of ``tools/``.
"""

from __future__ import annotations

import html
import re

_ESCAPE = re.compile(
    r"\x1b(?:\[(?P<csi>[0-?]*)(?P<cmd>[ -/]*[@-~])|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])"
)
COLOURS = ("black", "red", "green", "yellow", "blue", "magenta", "cyan", "white")
_STYLES = {1: "bold", 2: "dim", 3: "italic", 4: "underline"}
_UNSTYLE = {22: ("bold", "dim"), 23: ("italic",), 24: ("underline",)}


def resolve_frames(text: str) -> str:
    """Each line as a terminal leaves it after its ``\\r`` frames: a later frame writes
    over an earlier one from the first column (``\\r\\n`` is a plain line end)."""
    if "\r" not in text:
        return text
    lines = []
    for line in text.replace("\r\n", "\n").split("\n"):
        shown = ""
        for frame in line.split("\r"):
            # A frame with escape codes has no column count: it replaces the line.
            shown = frame if "\x1b" in frame + shown else frame + shown[len(frame) :]
        lines.append(shown)
    return "\n".join(lines)


def _classes(params: str, state: dict[str, str]) -> None:
    """Apply one SGR sequence's ``params`` to ``state`` (fg, bg and style classes)."""
    codes = [int(p) if p.isdigit() else 0 for p in params.split(";")] if params else [0]
    i = 0
    while i < len(codes):
        c = codes[i]
        if c == 0:
            state.clear()
        elif c in _STYLES:
            state[_STYLES[c]] = f"ansi-{_STYLES[c]}"
        elif c in _UNSTYLE:
            for name in _UNSTYLE[c]:
                state.pop(name, None)
        elif 30 <= c <= 37 or 90 <= c <= 97:
            state["fg"] = f"ansi-{'bright-' if c >= 90 else ''}{COLOURS[c % 10]}"
        elif 40 <= c <= 47 or 100 <= c <= 107:
            state["bg"] = f"ansi-bg-{'bright-' if c >= 100 else ''}{COLOURS[c % 10]}"
        elif c in (39, 49):
            state.pop("fg" if c == 39 else "bg", None)
        elif c in (38, 48):  # 256-colour or RGB: skipped, its parameters with it
            i += 2 if codes[i + 1 : i + 2] == [5] else 4
        i += 1


def terminal_html(text: str) -> str:
    """``text`` (a run's stdout or stderr) as HTML for a ``<pre><code>``, as a terminal
    shows it: frames resolved, colours as classes, other escape codes dropped."""
    text = resolve_frames(text)
    if "\x1b" not in text:
        return html.escape(text, quote=False)
    out: list[str] = []
    state: dict[str, str] = {}
    last = 0
    for m in _ESCAPE.finditer(text):
        out.append(_span(text[last : m.start()], state))
        if m.group("cmd") == "m":
            _classes(m.group("csi"), state)
        last = m.end()
    out.append(_span(text[last:], state))
    return "".join(out)


def _span(text: str, state: dict[str, str]) -> str:
    escaped = html.escape(text, quote=False)
    if not text or not state:
        return escaped
    return f'<span class="{" ".join(sorted(state.values()))}">{escaped}</span>'
