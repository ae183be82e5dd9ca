"""tools/formulas.py: math typeset when the site is built, by the site's own KaTeX."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.project import SITE
from tools import formulas
from tools.site import ROOT

INLINE = (
    '<p>梯度 <span class="arithmatex">\\(\\frac{\\partial y}{\\partial x} &lt; 1\\)</span>。</p>'
)
DISPLAY = (
    '<div class="arithmatex" style="--estimate:6em">\\[\nx_{t+1} = x_t - \\eta\\, g_t\n\\]</div>'
)


def test_each_formula_becomes_katex_html_and_mathml_in_its_element() -> None:
    out = formulas.typeset(INLINE + DISPLAY, SITE.docs)
    inline, display = out.split("</p>")
    assert inline.startswith('<p>梯度 <span class="arithmatex"><span class="katex">')
    assert inline.endswith("</span>。")
    # the TeX, unescaped, kept for screen readers and copying (KaTeX's MathML annotation)
    assert (
        '<annotation encoding="application/x-tex">\\frac{\\partial y}{\\partial x} &lt; 1' in inline
    )
    assert display.startswith(
        '<div class="arithmatex" style="--estimate:6em"><span class="katex-display">'
    )  # its other attributes kept
    assert 'display="block"' in display and display.endswith("</div>")
    assert formulas.typeset(out, SITE.docs) == out  # typeset once only


def test_text_that_is_not_arithmatex_s_is_left_alone() -> None:
    page = '<span class="arithmatex">no delimiters</span><span class="other">\\(x\\)</span>'
    assert formulas.typeset(page, SITE.docs) == page


def test_a_formula_katex_cannot_parse_is_an_error_naming_it() -> None:
    with pytest.raises(ValueError, match=r"KaTeX parse error.*in the formula '\\\\frac\{1'"):
        formulas.typeset('<span class="arithmatex">\\(\\frac{1\\)</span>', SITE.docs)


def test_katex_s_fonts_do_not_hold_up_the_paint() -> None:
    """docs/assets/vendor/NOTICE.txt: the stylesheet's fonts swap in (KaTeX ships block)."""
    css = (SITE.docs / "assets" / formulas.STYLESHEET).read_text(encoding="utf-8")
    assert css.count("font-display:swap") == css.count("@font-face") == 20


def test_the_engine_is_closed_before_the_interpreter_shuts_down() -> None:
    """Python 3.12 and 3.13 hang at exit joining mini-racer's event loop thread if the
    engine is left to its ``__del__``: the process typesetting math must close it itself.
    An exit hook registered first runs last, after ours: no thread is left by then."""
    script = (SITE.docs / formulas.SCRIPT).resolve()
    code = (
        "import atexit, threading\n"
        "atexit.register(lambda: print('threads', threading.active_count()))\n"
        "from pathlib import Path\n"
        "from tools import formulas\n"
        f"formulas.render('x', False, Path({str(script)!r}))\n"
        "print('typeset', threading.active_count())\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert run.stdout.split() == ["typeset", "2", "threads", "1"], run.stderr
