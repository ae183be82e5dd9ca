"""A generated locale's page (``tools.generate``) as its source page's HTML, converted.

The same HTML converted is what rendering the converted Markdown would give, at a
fraction of the cost; links stay right, since every locale has the same tree under its
prefix. A page with a notice linking to another language (a section behind, ``tools.sync``)
is rendered from its Markdown.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from mkdocs.structure.pages import Page

from tools import generate
from tools import workaround_page_title as title
from tools.site import Site


class Renderings:
    def __init__(self) -> None:
        # the source pages' renderings (content, table of contents, title) this build,
        # by (locale, slug); and each generated page's source, by its src_uri
        self.rendered: dict[tuple[str, str], tuple[str, Any, str | None]] = {}
        self.reused: dict[str, tuple[str, str]] = {}

    def clear(self) -> None:
        self.rendered.clear()

    def reuse(self, page: Page, site: Site, code: str, behind: set[str]) -> bool:
        """Whether ``page`` (of locale ``code``) is its source page's rendering this build
        (``behind``: the slugs of pages with a section behind)."""
        locale = site.locale(code)
        if not locale.generated:
            return False
        slug = site.slug(Path(page.file.abs_src_path or ""))
        key = (locale.source or "", slug)
        if key not in self.rendered or slug in behind:
            return False
        self.reused[page.file.src_uri] = key
        return True

    def converted(self, page: Page, site: Site, code: str) -> str | None:
        """The page's HTML, table of contents and title: its source's, converted."""
        key = self.reused.pop(page.file.src_uri, None)
        if key is None:
            return None
        convert = generate.for_locale(site, site.locale(code))
        content, toc, rendered_title = self.rendered[key]
        toc = copy.deepcopy(toc)
        stack = list(toc)
        while stack:
            item = stack.pop()
            item.title = (
                generate.convert_html(item.title, convert)
                if "<" in item.title
                else convert(item.title)
            )
            stack += item.children
        page.toc = toc
        title.set_rendered_title(page, convert(rendered_title) if rendered_title else None)
        return generate.convert_html(content, convert)

    def remember(self, content: str, page: Page, site: Site, code: str) -> None:
        """Keep a page's rendering if a generated locale is made from its locale."""
        if any(x.source == code for x in site.generated):
            slug = site.slug(Path(page.file.abs_src_path or ""))
            self.rendered[(code, slug)] = (content, page.toc, title.rendered_title(page))
