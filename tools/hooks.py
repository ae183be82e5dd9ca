"""MkDocs hook: check the site's rules, run snippets, show their real output on the page.

Listed under ``hooks:`` in mkdocs.yml. For each fence whose only line includes a ``.py``
snippet, the hook titles the fence with the snippet's path and puts the run's stdout
(byte for byte), its figures and a caption (device, torch version, time) under it. Results
come from ``tools.runner`` (content-hash cache shared with pytest); what is missing runs
now, with progress in the log. Any broken rule (``tools.pages.check``), or a snippet that
fails or times out, aborts the build with a message naming the page and the snippet.
"""

from __future__ import annotations

import base64
import html
import logging
import re
import sys
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools import pages  # noqa: E402
from tools.runner import Result, Runner, SnippetError  # noqa: E402

log = logging.getLogger("mkdocs.hooks.snippets")
LABELS = {"zh": ("输出", "图"), "en": ("Output", "Figure")}
MARKER = "SNIPPET-OUTPUT-{}-END"
_runner = Runner()
_snippets_dir = Path("snippets")
_pending: dict[str, list[str]] = {}  # page src_uri -> HTML for its markers


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _snippets_dir, _runner
    base = config.mdx_configs.get("pymdownx.snippets", {}).get("base_path", ["."])
    root = Path(config.config_file_path).resolve().parent
    if _runner.root != root:
        _runner = Runner(root)
    _runner.log = log.info
    _snippets_dir = root / (base[0] if isinstance(base, list) else base)
    problems = pages.check(Path(config.docs_dir), _snippets_dir)
    if problems:
        raise PluginError("Site rules broken:\n  " + "\n  ".join(problems))
    return config


def _locale(page: Page) -> str:
    locale = getattr(page.file, "locale", None) or page.file.src_uri.split(".")[-2]
    return locale if locale in LABELS else "en"


def render(result: Result, locale: str) -> str:
    """The HTML shown under a snippet: caption, exact stdout, figures."""
    word, fig = LABELS[locale]
    parts = [f'<div class="snippet-output" data-snippet="{html.escape(result.snippet)}">',
             f'<p class="snippet-output__label">{word} · {html.escape(result.label)}</p>']
    if result.stdout:
        parts.append(f"<pre><code>{html.escape(result.stdout, quote=False)}</code></pre>")
    for n, png in enumerate(result.figures, 1):
        data = base64.b64encode(png.read_bytes()).decode()
        parts.append(f'<img class="snippet-output__figure" alt="{fig} {n}" '
                     f'src="data:image/png;base64,{data}">')
    return "\n".join(parts + ["</div>"])


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files,
                     **kwargs: Any) -> str:
    lines = markdown.splitlines()
    outputs: list[str] = []
    for fence in reversed(pages.fences(markdown)):
        target = fence.include
        if fence.lang not in pages.RUN_LANGS or not target or not target.endswith(".py"):
            continue
        path = _snippets_dir / target
        if not path.is_file():
            continue  # pymdownx.snippets reports it, naming the page
        try:
            result = _runner.result(path, context=f" (shown on page {page.file.src_uri})")
        except SnippetError as exc:
            raise PluginError(str(exc)) from None
        outputs.append(render(result, _locale(page)))
        marker = MARKER.format(len(outputs) - 1)
        lines.insert(fence.end, f"\n{fence.indent}{marker}\n")
        if "title=" not in fence.info:
            shown = html.escape(path.resolve().relative_to(_runner.root).as_posix())
            lines[fence.lineno - 1] += f' title="{shown}"'
    _pending[page.file.src_uri] = outputs
    return "\n".join(lines) + "\n"


def on_page_content(content: str, page: Page, **kwargs: Any) -> str:
    for n, block in enumerate(_pending.pop(page.file.src_uri, [])):
        marker = MARKER.format(n)
        if f"<p>{marker}</p>" not in content:
            raise PluginError(f"{page.file.src_uri}: output of a snippet got lost in "
                              "rendering (is its fence closed?)")
        content = content.replace(f"<p>{marker}</p>", block)
    return content


_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    # mkdocs-static-i18n points each <link rel="alternate" hreflang> at the same page in
    # the other language; Material's JS expects language roots there and fetches
    # "<link>/sitemap.xml" for each, a 404 on every page. The language switch keeps its
    # page-specific links, and sitemap.xml keeps the hreflang alternates for search engines.
    return _ALTERNATE.sub("", output)
