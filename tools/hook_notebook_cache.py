"""MkDocs hook: keep every language's rendered notebooks in mkdocs-jupyter's cache.

What it works around (seen with mkdocs-jupyter 0.26.3 under mkdocs-static-i18n 1.3.1):
each language is a separate build, and at the end of each one mkdocs-jupyter evicts from
its cache (``.cache/mkdocs-jupyter/``) every rendered notebook that build did not use,
which is every notebook of the other language; every build would convert them all again
(about 1 s a notebook). Here the entries are marked used before the eviction runs.

``tests/test_workarounds.py`` builds a throwaway site without this hook and checks that
the other language's entries are still evicted; when a release stops doing that, the test
fails and this hook can go.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority


@event_priority(100)  # before mkdocs-jupyter evicts the cache entries this build did not use
def on_post_build(config: MkDocsConfig) -> None:
    jupyter = config.plugins.get("mkdocs-jupyter")
    if jupyter is not None:
        jupyter._used_cache_paths |= set(Path(jupyter.config["cache_dir"]).glob("*.json"))
