"""Fewer elements in highlighted code, for the same look.

Pygments wraps every token of a code block in a ``<span>``: on the tensors page that is
about 4,300 of its 6,400 elements, and the browser's style recalculations (Material's
bundle forces several of the whole document as a page loads) cost in proportion. Material
colours only some token classes, and several classes alike. In each highlighted block
(``<div class="highlight">`` or ``<div class="language-… highlight">``; not notebooks'
``highlight-ipynb``), this:

* unwraps a token whose class Material gives no rule, or only the code's own colour
  (names, ``n``; whitespace, ``w``; string prefixes, ``sa``; …): its text inherits the
  same colour from ``<code>``;
* merges neighbouring tokens of the same colour, with the whitespace between them (a
  colour does not show on whitespace): ``<span class="p">(</span><span class="p">)</span>``
  becomes ``<span class="p">()</span>``;
* leaves comments as they are (Material finds code annotations in ``.c``, ``.c1`` and
  ``.cm`` tokens), and any other markup (highlighted lines, anchors) as a boundary.

The text, and so what the copy button copies, is unchanged. ``COLOUR`` is Material
9.x's ``.highlight .<class>`` rules, grouped by the colour they end up with in both
palettes;
``tests/test_light_pages.py`` checks it against the installed theme's stylesheet.
"""

from __future__ import annotations

import re

_GROUPS = {
    # operators, punctuation and generic output: one colour in both palettes (Material's
    # --md-default-fg-color--light, and #616161 in ours, docs/assets/stylesheets/)
    "light": "o ow p ge gh go gp gr gs gt gu",
    "variable": "na nv vc vg vi",
    "string": "cpf l s s1 s2 sb sc si ss",
    "special": "cp se sh sr sx",
    "number": "il m mb mf mh mi mo",
    "keyword": "k kd kn kp kr kt nd ni nl nt",
    "constant": "bp nb no",
    "function": "nc ne nf nn",
}
COLOUR = {cls: group for group, classes in _GROUPS.items() for cls in classes.split()}
# Kept as they are, never merged: comments (annotations), and the classes with more than
# a colour (a background).
KEEP = frozenset("c c1 ch cm cs sd gd gi".split())
# Material's rule for these is the code's own colour (--md-code-hl-name-color).
PLAIN = frozenset("n kc".split())

_BLOCK = re.compile(
    r'(<div class="(?:language-[\w+#.-]+ )?highlight">(?:(?!</div>).)*?<pre[^>]*>)'
    r"(?:<span></span>)?(<code[^>]*>)(.*?)(</code>)",
    re.S,
)
_OUTPUT = re.compile(
    r'(<div class="snippet-output"(?:(?!</div>).)*?<pre[^>]*>)(<code[^>]*>)(.*?)(</code>)', re.S
)
_TOKEN = re.compile(r'<span class="([\w-]+)">([^<]*)</span>')


def lighter(html: str) -> str:
    """``html`` with its highlighted blocks' tokens unwrapped and merged (see the module's
    text); Pygments' empty ``<span></span>`` before ``<code>`` goes too. Each such block's
    ``<code>``, and each snippet output's, gets its number of lines (``--lines``)."""
    html = _BLOCK.sub(lambda m: m[1] + _lines(m[2], m[3]) + _merge(m[3]) + m[4], html)
    return _OUTPUT.sub(lambda m: m[1] + _lines(m[2], m[3]) + m[3] + m[4], html)


def _lines(tag: str, code: str) -> str:
    """The ``<code>`` tag with its number of lines as ``style="--lines:N"``: the stylesheet
    sizes a block the browser has not laid out yet (``content-visibility: auto``) by it."""
    if "style=" in tag:
        return tag
    n = code.count("\n") + (not code.endswith("\n"))
    return f'{tag[:-1]} style="--lines:{n}">'


def _merge(code: str) -> str:
    out: list[str] = []
    group = ""  # the colour of the open run ("" when none)
    cls = ""
    run: list[str] = []  # the open run's text
    gap = ""  # whitespace after the run, not yet placed

    def close() -> None:
        nonlocal group, gap
        if group:
            out.append(f'<span class="{cls}">{"".join(run)}</span>')
            run.clear()
            group = ""
        out.append(gap)
        gap = ""

    last = 0
    for m in _TOKEN.finditer(code):
        between, last = code[last : m.start()], m.end()
        if between.strip():
            close()
            out.append(between)
        else:
            gap += between
        token_cls, text = m[1], m[2]
        colour = COLOUR.get(token_cls, "")
        if token_cls in KEEP:
            close()
            out.append(m[0])
        elif not colour:
            if not text.strip() and group:
                gap += text
            else:
                close()
                out.append(text)
        elif colour == group:
            run.append(gap + text)
            gap = ""
        else:
            close()
            group, cls = colour, token_cls
            run.append(text)
    close()
    out.append(code[last:])
    return "".join(out)
