"""MkDocs hook: light pages for readers on a phone and a slow line, and Chinese typesetting.

* A page loads what it uses. Math comes typeset (``tools.formulas``): a page with math
  (``class="arithmatex"``) links KaTeX's stylesheet, and no page runs KaTeX. Diagrams come
  drawn, as SVG (``tools.diagrams``); Mermaid only from a page with a diagram not drawn
  yet, through ``assets/javascripts/mermaid-loader.js``: it stands in for the global
  ``mermaid`` that Material looks for (without one, Material fetches Mermaid from
  unpkg.com), and imports the self-hosted ES module build (``assets/vendor/mermaid/``,
  which fetches only the chunks a flowchart needs) once a diagram comes near the screen.
* Search costs a page view nothing until it is used: each language gets its own index,
  ``search/search_index.<locale>.json`` (its pages' entries from Material's combined
  ``search_index.json``, which is still written), and ``assets/javascripts/search-lazy.js``,
  loaded before Material's bundle, makes the bundle's request for the index wait until the
  reader opens search and fetch the page's language's file instead.
* Figures are files, ``assets/figures/<hash>.png`` (``tools/hooks.py`` inlines both copies
  of each figure as ``data:`` URLs): out of the page's HTML, so not in the way of its
  first paint, and one file for the three languages. Every copy is loaded lazily, as it
  nears the screen: the dark-palette one, hidden in the light palette, is never fetched
  there, and a chapter's photographs (600 to 700 KB each on torchvision) are not part of
  its page load (1.4 MB before, Lighthouse's LCP 8.5 s on a phone).
* Fewer elements in code, and code laid out when it nears the screen: ``tools.code_spans``
  (highlighting spans unwrapped and merged for the same colours; each block's and
  output's number of lines, by which the stylesheet sizes it until it is laid out).
* No element is restyled as Material's palette script marks a palette switch
  (``tools.workaround_palette_switch``), nor for the classes and the color-scheme meta
  its bundle sets as it starts (``tools.workaround_start_restyles``). The article's boxes
  after its first section heading are laid out as they near the screen, each as tall as
  its estimate until then (``tools.estimates``; each table in a ``<div>`` of its own).
* Chinese prose: soft line breaks between CJK characters are joined (``tools.cjk``) in
  every page's content, after the other hooks (so a generated 繁體中文 page, converted from
  the 简体中文 page's HTML, is joined too).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools import cjk, code_spans, diagrams, estimates, formulas  # noqa: E402
from tools import site as site_model  # noqa: E402
from tools import workaround_palette_switch as palette  # noqa: E402
from tools import workaround_start_restyles as start  # noqa: E402

# Material's bundle, as its template links it: the base of the site's assets is before it.
_BUNDLE = re.compile(
    r'<script src="(?P<base>[^"]*)javascripts/bundle\.[0-9a-f]+\.min\.js"></script>'
)
MERMAID = "javascripts/mermaid-loader.js"
SEARCH = "javascripts/search-lazy.js"


FIGURES = "assets/figures"
_FIGURE = re.compile(
    r'(<img class="snippet-output__figure snippet-output__figure--(light|dark)" alt="[^"]*" '
    r'(loading="lazy" )?)src="data:image/png;base64,([^"]+)">'
)


def figures_to_files(html: str, page_url: str, site_dir: Path) -> str:
    """A page's figures (``data:`` URLs in its content) as files written under ``site_dir``,
    named by their content, each with its size (nothing moves as it loads), loaded lazily
    (a GPU tab's come marked so already)."""

    def to_file(m: re.Match[str]) -> str:
        data = base64.b64decode(m[4])
        name = hashlib.sha256(data).hexdigest()[:16] + ".png"
        target = site_dir / FIGURES / name
        if not target.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        src = get_relative_url(f"{FIGURES}/{name}", page_url)
        width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
        lazy = "" if m[3] else ' loading="lazy"'
        return f'{m[1]}src="{src}" width="{width}" height="{height}"{lazy}>'

    return _FIGURE.sub(to_file, html)


@event_priority(-50)  # after tools/hooks.py put the outputs in and converted 繁體中文
def on_page_content(html: str, page: Page, config: MkDocsConfig, **kwargs: Any) -> str:
    # figures out first: their data is most of some pages' HTML (7 of torchvision's 7.4 MB)
    html = figures_to_files(html, page.url, Path(config.site_dir))
    html = code_spans.lighter(cjk.join_soft_breaks(html))
    html = estimates.text_boxes_sized(estimates.tables_in_boxes(html))
    return diagrams.drawn(html, site_model.load(config.config_file_path).diagrams)


def page_assets(output: str) -> str:
    """The page with the scripts and stylesheets it uses linked (see the module's text)."""
    bundle = _BUNDLE.search(output)
    if bundle is None or f'{bundle["base"]}{SEARCH}"' in output:  # not Material's, or done
        return output
    base = bundle["base"]
    before = f'<script src="{base}{SEARCH}"></script>\n    '
    after = ""
    if '<pre class="mermaid">' in output:  # a diagram not drawn ahead (tools.diagrams)
        after += f'\n      <script src="{base}{MERMAID}"></script>'
    output = output[: bundle.start()] + before + bundle[0] + after + output[bundle.end() :]
    if 'class="arithmatex"' in output:  # typeset math (tools.formulas): KaTeX's stylesheet
        css = f'  <link rel="stylesheet" href="{base}{formulas.STYLESHEET}">\n'
        output = output.replace("</head>", css + "  </head>", 1)
    return start.inline(output)


@event_priority(-50)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Math typeset (after Material's search read the page: its index keeps the TeX), and
    the page's assets linked."""
    try:
        output = formulas.typeset(output, Path(config.docs_dir))
    except ValueError as exc:
        raise PluginError(f"{page.file.src_uri}: KaTeX cannot typeset a formula: {exc}") from None
    return page_assets(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The 404 page too (rendered from its template, not as a page)."""
    return page_assets(output_content) if template_name == "404.html" else output_content


def split_search_index(site_dir: Path, locales: tuple[site_model.Locale, ...]) -> list[Path]:
    """``search/search_index.<locale>.json`` for each locale: the combined index's config
    and the entries of the pages under the locale's prefix."""
    index = site_dir / "search" / "search_index.json"
    if not index.is_file():
        return []
    data = json.loads(index.read_text(encoding="utf-8"))
    prefixes = [x.prefix for x in locales if x.prefix]
    written = []
    for locale in locales:

        def mine(location: str, prefix: str = locale.prefix) -> bool:
            if prefix:
                return location.startswith(prefix)
            return not any(location.startswith(p) for p in prefixes)

        docs = [d for d in data["docs"] if mine(d["location"])]
        target = index.with_name(f"search_index.{locale.code}.json")
        text = json.dumps({**data, "docs": docs}, ensure_ascii=False, separators=(",", ":"))
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
        written.append(target)
    return written


@event_priority(-200)  # after mkdocs-static-i18n (-100) had Material write the whole index
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # one language of several: the outer build splits the index once, at the end
    split_search_index(Path(config.site_dir), site_model.load(config.config_file_path).locales)
    palette.drop_switching_rule(Path(config.site_dir))
