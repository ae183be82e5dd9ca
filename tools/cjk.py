"""Chinese typesetting of rendered HTML: soft line breaks between CJK characters joined.

Python-Markdown keeps a paragraph's source line breaks as newlines in the HTML. Between two
Chinese characters Chromium shows such a newline as a space ("用链式法则 就能算出梯度");
Firefox drops it, as CSS Text 3 allows, but most readers use Chromium. No well-kept Markdown
extension joins them (``markdown-cjk-spacing`` adds spaces between CJK and Latin words, the
opposite), so ``join_soft_breaks`` does it on the page's HTML: a run of whitespace that holds a
newline, with a CJK character or CJK punctuation on both sides (inline tags such as
``</strong>`` or ``<a href>`` may stand between), loses its whitespace; so does a space
between two CJK characters (``**要点。** 正文``, ``见 [张量](tensors.md) 一章``), which Chinese
text does not have either. Left alone: code
(``<pre>``, ``<code>``, so Mermaid diagrams too), a code block's title (``.filename``:
a snippet's path), math (``.arithmatex``), ``<script>``,
``<style>``, ``<textarea>``, ``<svg>``; a break between CJK and Latin text (a space there
reads right); block boundaries (``</p>``, ``<li>``, ``<br>``...), which are not soft breaks.
"""

from __future__ import annotations

import re

# Han (with extensions A and compatibility ideographs), kana, bopomofo, CJK symbols and
# punctuation (、。「」《》), fullwidth forms (，！（）：；？).
STRICT = (
    "\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u31a0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe10-\ufe1f\ufe30-\ufe4f\uff00-\uffef"
)
# Punctuation Chinese text shares with English (— … “ ” ‘ ’ ·): CJK only beside a CJK
# character, so "“a”\n“b”" in English keeps its space.
SHARED = "\u2014\u2026\u201c\u201d\u2018\u2019\u00b7"
_CJK = f"[{STRICT}{SHARED}]"
_STRICT = f"[{STRICT}]"

# Elements whose text is not prose: left exactly as they are.
_KEPT = re.compile(
    r"<(pre|code|script|style|textarea|svg)\b[^>]*>.*?</\1>"
    r'|<(span|div)\b[^>]*\bclass="[^"]*\b(?:arithmatex|filename)\b[^"]*"[^>]*>.*?</\2>',
    re.S | re.I,
)
# Tags that may stand inside a line of text (anything else ends the line).
INLINE = "a|abbr|b|bdi|bdo|cite|del|dfn|em|i|ins|kbd|mark|q|s|samp|small|span|strong|sub|sup|u|var"
_TAG = rf"<(?:/?(?:{INLINE}))\b[^>]*>"
_GAP = re.compile(rf"(?<={_CJK})(?:{_TAG})*\s(?:\s|{_TAG})*(?={_CJK})", re.I)
_TAGS = re.compile(r"<[^>]*>")


def _join(text: str) -> str:
    def gap(m: re.Match[str]) -> str:
        before, after = text[m.start() - 1], text[m.end()]
        strict = [bool(re.match(_STRICT, c)) for c in (before, after)]
        if not any(strict) or ("\n" not in m.group(0) and not all(strict)):
            # Shared punctuation on both sides: not Chinese for sure. A space (not a line
            # break) beside shared punctuation is the writer's: "张量 · 广播".
            return m.group(0)
        return "".join(_TAGS.findall(m.group(0)))  # the tags stay, the whitespace goes

    return _GAP.sub(gap, text)


def join_soft_breaks(html: str) -> str:
    """``html`` with the soft line breaks between CJK characters in its prose removed."""
    if not re.search(_STRICT, html):
        return html
    out, last = [], 0
    for m in _KEPT.finditer(html):
        out += [_join(html[last : m.start()]), m.group(0)]
        last = m.end()
    out.append(_join(html[last:]))
    return "".join(out)
