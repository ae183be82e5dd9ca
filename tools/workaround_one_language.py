"""Upstream internals behind ``mkdocs serve`` rebuilding one written language alone.

Packages: mkdocs-static-i18n 1.3.1, MkDocs 1.6.1, mkdocs-material 9.8.1 (checked against
these). Why: under ``mkdocs serve`` a save of pages of one written language rebuilds that
language only (``tools.serve``); the other languages keep their pages and their search
entries from the last build. None of it has a public API:

- mkdocs-static-i18n builds its first language, then the others from its ``on_post_build``
  unless its ``building`` attribute is set; ``current_language`` says which one is built.
  Within one command, ``building`` also tells a hook that another language is being built.
- MkDocs empties the site folder at the start of each build through
  ``mkdocs.utils.clean_directory``; mkdocs-static-i18n itself replaces it by a no-op for
  its later languages, and so does this file for a one-language rebuild.
- Material's search plugin writes ``search_index.entries``: the entries of the pages this
  build did not render are added there from the index the last build wrote.
- The rebuild is a dirty build (MkDocs' public ``build(config, dirty=True)``): only the
  pages saved since their output was written are rendered. MkDocs warns on every dirty
  build, and strict mode counts that warning as a failure: ``quiet_dirty_build`` drops
  that one message (matched by its text) while the build runs.

``tests/test_workarounds.py`` fails when any of these names goes.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import mkdocs.utils
from mkdocs.config.defaults import MkDocsConfig


def building_another_language(config: MkDocsConfig) -> bool:
    """Whether mkdocs-static-i18n is building a language after the command's first one."""
    i18n = config.plugins.get("i18n")
    return i18n is not None and bool(getattr(i18n, "building", False))


def build_only(config: MkDocsConfig, code: str) -> Callable[[], None]:
    """Make this build build language ``code`` alone, into the folder as it is; returns
    what undoes the folder part (call it after the build, also after a failed one)."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return lambda: None
    i18n.current_language = code
    i18n.building = True
    keep = mkdocs.utils.clean_directory
    mkdocs.utils.clean_directory = _keep
    return lambda: setattr(mkdocs.utils, "clean_directory", keep)


def _keep(directory: str) -> None:
    """The site folder stays as the last build left it."""


def keep_search_entries(config: MkDocsConfig, others: Callable[[str], bool]) -> None:
    """Add to this build's search index the entries of the last index whose location
    ``others`` accepts (the languages this build did not build)."""
    search: Any = config.plugins.get("material/search") or config.plugins.get("search")
    index = Path(config.site_dir) / "search" / "search_index.json"
    if search is None or not index.is_file():
        return
    old = json.loads(index.read_text(encoding="utf-8")).get("docs", [])
    search.search_index.entries.extend(e for e in old if others(e["location"]))


DIRTY_WARNING = "A 'dirty' build is being performed"


class _NotTheDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


@contextlib.contextmanager
def quiet_dirty_build() -> Iterator[None]:
    """MkDocs' warning that a build is dirty is dropped (not counted in strict mode)."""
    logger, dropped = logging.getLogger("mkdocs.commands.build"), _NotTheDirtyWarning()
    logger.addFilter(dropped)
    try:
        yield
    finally:
        logger.removeFilter(dropped)
