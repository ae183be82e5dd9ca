"""MkDocs hook: MkDocs' events, each handed to the one ``Build`` of this process
(``tools.build``; which module does what: ARCHITECTURE.md)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools import workaround_log_filter  # noqa: E402
from tools.build import Build  # noqa: E402

BUILD = Build()  # the one object holding this process's build (or serve session) state
workaround_log_filter.install()


def on_startup(command: str, dirty: bool) -> None:
    BUILD.start(command)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    BUILD.configure(config)
    return config


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
    if BUILD.serve is not None:
        BUILD.serve.start(server, config)
    return server


def on_page_markdown(
    markdown: str, page: Page, config: MkDocsConfig, files: Files, **kwargs: Any
) -> str:
    return BUILD.page_markdown(markdown, page, config)


def on_page_content(content: str, page: Page, **kwargs: Any) -> str:
    return BUILD.page_content(content, page)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return BUILD.post_page(output, page)


@event_priority(10)  # before Material's search plugin writes its index
def on_post_build(config: MkDocsConfig) -> None:
    BUILD.post_build(config)


def on_build_error(error: Exception) -> None:
    if BUILD.serve is not None:
        BUILD.serve.failed(str(error))


def on_shutdown() -> None:
    if BUILD.serve is not None:
        BUILD.serve.shutdown()
