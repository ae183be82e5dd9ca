"""A page's title as its rendered Markdown gave it (MkDocs 1.6.1, checked against it).

Why: a generated language's page reuses its source page's rendering, converted
(``tools.build``), so it needs the title that rendering found, and to set the converted
one. MkDocs keeps it in ``Page._title_from_render`` (``Page.title`` reads it, with the nav
title and the file name as fallbacks); there is no public setter.
``tests/test_workarounds.py`` fails when the attribute goes.
"""

from __future__ import annotations

from mkdocs.structure.pages import Page


def rendered_title(page: Page) -> str | None:
    return page._title_from_render


def set_rendered_title(page: Page, title: str | None) -> None:
    page._title_from_render = title
