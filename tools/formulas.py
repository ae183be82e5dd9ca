"""Math typeset when the site is built: no page runs KaTeX.

Each formula pymdownx.arithmatex marks (``<span class="arithmatex">\\(…\\)</span>``, and
``<div>`` with ``\\[…\\]`` for a display) becomes KaTeX's HTML, with its MathML for
screen readers, as KaTeX's own auto-render would have put it in the browser. The site's
own KaTeX (``docs/assets/vendor/katex/katex.min.js``) renders it, in V8 embedded in
Python (mini-racer: no Node, no browser). A page with math then needs KaTeX's stylesheet
and the fonts it names, and no script (the script and its typesetting were about 140 KiB
and two long tasks of a phone's page load). The arithmatex element stays around each
formula, so checks that skip math (``tools.cjk``, the site tests) still find it.

A formula KaTeX cannot parse raises ``ValueError`` with KaTeX's message and the formula.
"""

from __future__ import annotations

import atexit
import functools
import html
import re
from pathlib import Path

from py_mini_racer import MiniRacer

SCRIPT = "assets/vendor/katex/katex.min.js"  # under docs/
STYLESHEET = "vendor/katex/katex.min.css"  # under docs/assets/, linked by pages with math
MATH = re.compile(
    r'<(?P<tag>span|div) class="arithmatex"(?P<attrs>[^>]*)>(?P<tex>.*?)</(?P=tag)>', re.S
)
DELIMITERS = {"span": ("\\(", "\\)"), "div": ("\\[", "\\]")}  # arithmatex's generic output
_TYPESET = """function typeset(tex, display) {
  try {
    return {html: katex.renderToString(tex, {displayMode: display, throwOnError: true})};
  } catch (e) {
    return {error: String(e.message)};
  }
}"""


@functools.cache
def _katex(script: Path) -> MiniRacer:
    engine = MiniRacer()
    # Closed while the interpreter can still run threads: left to MiniRacer.__del__ at
    # shutdown, it joins its event loop's daemon thread, which Python 3.12 and 3.13 no
    # longer run then, and `mkdocs build` never exits (mini-racer 0.14.1).
    atexit.register(engine.close)
    engine.eval(script.read_text(encoding="utf-8"))
    engine.eval(_TYPESET)
    return engine


@functools.lru_cache(maxsize=4096)
def render(tex: str, display: bool, script: Path) -> str:
    """KaTeX's HTML for one formula (without delimiters), by the KaTeX in ``script``."""
    out = _katex(script).call("typeset", tex, display)
    if "error" in out:
        raise ValueError(f"{out['error']} (in the formula {tex!r})")
    return str(out["html"])


def typeset(page_html: str, docs: Path) -> str:
    """The page with each arithmatex formula typeset by the site's KaTeX (under ``docs``)."""
    script = (docs / SCRIPT).resolve()

    def put(m: re.Match[str]) -> str:
        tex = html.unescape(m["tex"]).strip()
        left, right = DELIMITERS[m["tag"]]
        if not (tex.startswith(left) and tex.endswith(right)):
            return m[0]  # not arithmatex's generic form: left as written
        out = render(tex[len(left) : -len(right)], m["tag"] == "div", script)
        return f'<{m["tag"]} class="arithmatex"{m["attrs"]}>{out}</{m["tag"]}>'

    return MATH.sub(put, page_html)
