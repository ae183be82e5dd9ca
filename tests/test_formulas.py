"""tools/formulas.py: math typeset when the site is built, by the site's own KaTeX."""

from __future__ import annotations

import pytest

from tests.project import SITE
from tools import formulas

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
