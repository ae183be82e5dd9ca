"""A script in each page's head that spares the browser three restyles of every element
while Material's bundle starts.

Package: mkdocs-material 9.8.1 (its bundle and the focus-visible polyfill in it, checked
by ``tests/test_workarounds.py``). Why: as the bundle starts it (1) swaps ``no-js`` for
``js`` on ``<html>`` and the polyfill adds ``js-focus-visible``, and (2) appends a
``<meta name="color-scheme">`` to the head and then sets its content. Each class change
and each change to a color-scheme meta (Chromium restyles the whole page for that, even
when the scheme stays the same) restyles every element: on a chapter about 1,700
elements, 25 to 90 ms each on a laptop, four times that on Lighthouse's phone.

``workaround_start_restyles.js``, inlined after Material's ``__md_get`` script (before the
first style is computed): sets those classes (and the polyfill's attribute) at once, and
writes the color-scheme meta for the palette the reader has (saved, else the system's);
the meta Material appends is kept out of the document, and its content, when Material
sets it (at load, and on each palette toggle), is copied to the page's meta only when it
differs. What changes for readers: the JavaScript styles (the search button, say) apply
from the first paint rather than a moment later.
"""

from __future__ import annotations

import re
from pathlib import Path

SCRIPT = Path(__file__).with_suffix(".js").read_text(encoding="utf-8").split("\n", 1)[1].strip()
# Material's head script that defines __md_get (base.html), which the script uses
_MD_GET = re.compile(r"<script>__md_scope=.*?</script>", re.S)


def inline(html: str) -> str:
    """The page with the script inlined after Material's ``__md_get`` script (once)."""
    found = _MD_GET.search(html)
    if found is None or SCRIPT in html:
        return html
    return f"{html[: found.end()]}<script>{SCRIPT}</script>{html[found.end() :]}"
