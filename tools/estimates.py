"""How tall a box of an article may be before the browser lays it out.

``snippet-output.css`` has the article's boxes after its first section heading wait to be
styled and laid out until they near the screen (``content-visibility: auto``): on a
chapter, most of a phone's page-load work otherwise (thousands of elements, math
included). Until then a box is as tall as ``--estimate``, which the build writes here:

* each table Material wraps (one without a class) goes in a ``<div>`` of its own, sized
  by its rows' text (Material replaces the table with its scroll box as the page starts; in a
  ``<div>`` that restyles the table, not the whole article);
* each paragraph, list, definition list, quote and note at the article's top level, after
  its first ``<h2>``, sized by its text, its code's lines, a line for each folded block's
  title (its hidden text counted too) and room for each displayed formula's rows (one with
  a figure, a diagram or a table keeps the stylesheet's tall default).

An estimate errs tall: for a phone 320 px wide (15 Chinese characters or 26 other
characters a line), each paragraph or item starting a line, code its own lines. A box shorter than its content would have the content spill over the next box
while it waits (tools that read the page, like axe, see text over text);
``tests/test_browser_pages.py`` checks every estimate against the laid-out page.
"""

from __future__ import annotations

import html
import math
import re

SIZED = ("p", "ul", "ol", "dl", "blockquote")  # the top-level boxes sized by their text
SIZED_DIVS = ("admonition",)  # and notes (their first class)
# No estimate from the text of a box with these
UNSIZED = re.compile(r"<(?:img|svg|table|iframe|video)\b")
# A displayed formula (pymdownx.arithmatex, typeset later: tools/formulas.py), as TeX
_DISPLAY = re.compile(r'<div class="arithmatex">(.*?)</div>', re.S)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
_TABLE = re.compile(r"<table>.*?</table>", re.S)
_CJK = re.compile(r"[\u2e80-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
_LINE_STARTS = re.compile(r"(?=<(?:li|p|br|dt|dd|tr)\b)")
_TAG = re.compile(r"<[^>]*>")
_PRE = re.compile(r"<pre\b.*?</pre>", re.S)


def tables_in_boxes(page_html: str) -> str:
    """Each table Material wraps in a ``<div>`` of its own, with its estimate."""

    def box(m: re.Match[str]) -> str:
        return f'<div style="--estimate:{table_estimate(m[0])}em">{m[0]}</div>'

    return _TABLE.sub(box, page_html)


def _units(fragment: str) -> tuple[int, int]:
    """The Chinese characters and the other characters of the text of some HTML."""
    text = html.unescape(_TAG.sub("", fragment)).strip()
    cjk = len(_CJK.findall(text))
    return cjk, len(text) - cjk


def table_estimate(table: str) -> int:
    """A table's height in em of the article (16 px on a phone): Material's tables are
    12.8 px type, cells padded 16 px a side and 12 px above and below; each row as tall as
    its cell of most lines, the 288 px of a phone 320 px wide shared evenly (at least 80 px
    a cell)."""
    px = 0.0
    for row in re.findall(r"<tr>.*?</tr>", table, re.S):
        cells = re.split(r"<t[dh]\b", row)[1:] or [""]
        width = max(288 / len(cells) - 32, 80)
        lines = max(
            math.ceil((13 * cjk + 8.5 * other) / width) for cjk, other in map(_units, cells)
        )
        px += 20.5 * max(lines, 1) + 24
    return math.ceil(1.2 * px / 16 + 2)


def estimate(fragment: str) -> int | None:
    """The height, in em, that a box of this HTML needs at most on a phone (None: not
    to be told from its text)."""
    if UNSIZED.search(fragment):
        return None
    em = 1.0 + 3.0 * fragment.startswith('<div class="admonition')  # a note's title
    em += 3.5 * fragment.count("<details")  # a folded block's title and margins
    for tex in _DISPLAY.findall(fragment):  # a fraction's height, and each row's
        em += 4 + 2 * tex.count("\\\\")
    for code in _PRE.findall(fragment):  # its lines, padding and margin
        em += 1.5 * (code.count("\n") + 1) + 2
    for piece in _LINE_STARTS.split(_PRE.sub("", fragment)):
        cjk, other = _units(piece)
        if cjk or other:  # 1.6em a line, and a paragraph's or an item's margin
            em += 1.6 * math.ceil(cjk / 15 + other / 26) + 1
    return math.ceil(em)


# A comment, a script or style element (their text holds no tags), or a tag: its slash,
# name and attributes (a quoted value may hold ">"). Faster than html.parser by five times
# on the site's pages, whose HTML Markdown wrote (the same boxes found on all of them).
_TOKEN = re.compile(
    r"<!--.*?-->|<(script|style)\b.*?</\1\s*>"
    r"|<(/?)([a-zA-Z][^\s/>]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
    re.S | re.I,
)
_ATTR = re.compile(r"([^\s=/>\"']+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")


def _sized(tag: str, attrs: str) -> bool:
    """One of ``SIZED``, or a note (``SIZED_DIVS``), with no style of its own."""
    found = {name.lower(): value for name, value in _ATTR.findall(attrs)}
    first = html.unescape(found.get("class", "").strip("\"'")).split(" ")[0]
    return "style" not in found and (tag in SIZED or (tag == "div" and first in SIZED_DIVS))


def _top_level(text: str) -> list[tuple[int, int, int]]:
    """Where the top-level boxes in ``SIZED`` after the first ``<h2>`` are: (start of the
    start tag, end of the start tag, end of the end tag) each."""
    depth, after_h2, found = 0, False, []
    box: tuple[str, int, int] | None = None
    for m in _TOKEN.finditer(text):
        if m[3] is None:
            continue  # a comment, script or style
        tag, attrs, closes = m[3].lower(), m[4], m[4].endswith("/")
        if m[2]:  # an end tag
            depth -= tag not in VOID
            if depth == 0 and box and box[0] == tag:  # a box is never a void element
                found.append((box[1], box[2], m.end()))
                box = None
        else:
            if depth == 0:
                after_h2 = after_h2 or tag == "h2"
                if after_h2 and not closes and _sized(tag, attrs):
                    box = (tag, m.start(), m.end())
            depth += tag not in VOID and not closes
    return found


def text_boxes_sized(page_html: str) -> str:
    """The content with each top-level box in ``SIZED`` or ``SIZED_DIVS`` after the first
    ``<h2>`` given its ``--estimate`` (see the module's text)."""
    out, last = [], 0
    for start, tag_end, end in _top_level(page_html):
        size = estimate(page_html[start:end])
        if size is not None:
            out += [page_html[last : tag_end - 1], f' style="--estimate:{size}em">']
            last = tag_end
    return "".join(out) + page_html[last:]
