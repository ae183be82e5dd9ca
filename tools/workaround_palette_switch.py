"""Material's palette stylesheet, without the rule that restyles every element twice as
each page loads.

Package: mkdocs-material 9.8.1 (``assets/stylesheets/palette.*.min.css``, checked against
it). Why: Material's palette script sets ``data-md-color-switching`` on ``<body>`` when a
page loads (and on each palette toggle) and removes it a frame later; the rule
``[data-md-color-switching] *, … :after, … :before {transition-duration: 0s!important}``
makes the browser restyle every element of the page at each of the two changes (on a
chapter about 1,700 elements, 50 to 70 ms each on a laptop, four times that on Lighthouse's
phone). Without it, nothing is restyled for the attribute; what changes for readers: the
colours of links and buttons fade in 0.125 to 0.25 s after a palette toggle instead of at
once. ``tests/test_workarounds.py`` fails when Material's stylesheet no longer holds the
rule as written here; ``tests/test_built_site.py`` checks the built stylesheet lacks it.
"""

from __future__ import annotations

from pathlib import Path

RULE = (
    "[data-md-color-switching] *,[data-md-color-switching] :after,"
    "[data-md-color-switching] :before{transition-duration:0s!important}"
)


def drop_switching_rule(site_dir: Path) -> list[Path]:
    """Remove ``RULE`` from the built palette stylesheets; the files changed."""
    changed = []
    for css in sorted((site_dir / "assets" / "stylesheets").glob("palette.*.min.css")):
        text = css.read_text(encoding="utf-8")
        if RULE in text:
            css.write_text(text.replace(RULE, ""), encoding="utf-8")
            changed.append(css)
    return changed
