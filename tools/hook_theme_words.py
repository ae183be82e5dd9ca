"""MkDocs hook: the words the Markdown extensions and mkdocs-jupyter write into a page, in
the page's language (``theme:`` in ``locales/<code>.yml``; a generated locale's are its
source's, converted). The theme's own words come from Material's translations, chosen
per language in mkdocs.yml (``theme: {language: ...}`` on an i18n entry).

* ``toc``'s permalink title ("Permanent link" on every heading's ¶): one Markdown
  setting for the whole site, so it is set again as each language's build starts
  (mkdocs-static-i18n builds the languages in turn, each through ``on_config``).
* mkdocs-jupyter's copy buttons on notebook pages (``aria-label="Copy to Clipboard"``,
  fixed in its template).
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from tools import site as site_model

JUPYTER_COPY = 'aria-label="Copy to Clipboard"'


def _words(config: MkDocsConfig, code: str | None) -> dict[str, str]:
    site = site_model.load(config.config_file_path)
    return dict(site.labels(code or site.default.code).get("theme") or {})


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if "toc" in config.markdown_extensions:
        i18n = config.plugins.get("i18n")
        words = _words(config, getattr(i18n, "current_language", None))
        config.mdx_configs.setdefault("toc", {})["permalink_title"] = words["permalink"]
    return config


def on_page_content(html: str, page: Page, config: MkDocsConfig, **kwargs: Any) -> str:
    if JUPYTER_COPY not in html:
        return html
    site = site_model.load(config.config_file_path)
    locale = site.locale_of(page.file.src_uri) or site.default
    copy = _words(config, locale.code)["copy"]
    return html.replace(JUPYTER_COPY, f'aria-label="{copy}"')
