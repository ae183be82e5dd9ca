"""MkDocs hook: work every language's build repeats, done once per process.

Workarounds of missing caches, fenced here: pymdown-extensions 13.1
(``Highlight.highlight``), Jinja2 3.1.6 (``FileSystemLoader.list_templates``), MkDocs
1.6.1 (which calls it from ``Files.add_files_from_theme``); checked against these.

Highlighting. What it saves: every language's page shows the same snippets, and mkdocs-static-i18n
builds each language in turn in the same process, so pymdownx.highlight runs Pygments on
the same code once per language (about 0.7 s of a warm build per language here), and
again on every rebuild under ``mkdocs serve``. Not an upstream bug: pymdownx has no such
cache (checked against pymdown-extensions 13.1).

How: ``pymdownx.highlight.Highlight.highlight`` (a block's source, language, options and
the highlighter's own settings in, an HTML string out) is memoised in memory, keyed by all
of them but the Markdown instance (one per page); its arguments are read by name (bound to
its signature), not by position. Left alone: inline code (it returns an element, not a
string) and titles in HTML mode (they are stored in that page's Markdown
instance, which the result then refers to).
``tests/test_workarounds.py`` fails when that method changes its signature.

Templates. Each language's build (and each rebuild under ``mkdocs serve``) makes a new
Jinja environment, which compiles every theme template again (43 of Material's, about
0.1 s a build). Their compiled code is kept in memory with Jinja's own bytecode cache
interface, which keys it by the template's name and a hash of its source. The theme's
files are listed once per process: ``jinja2.FileSystemLoader.list_templates`` is replaced
for the whole process (MkDocs makes the loader before any hook sees it);
``tests/test_workarounds.py`` fails when MkDocs stops listing them that way.
"""

from __future__ import annotations

import inspect
from collections import OrderedDict
from typing import Any

import jinja2
import jinja2.bccache
from mkdocs.config.defaults import MkDocsConfig
from pymdownx.highlight import Highlight

UPSTREAM = Highlight.highlight
SIGNATURE = inspect.signature(UPSTREAM)
LIMIT = 4000  # blocks kept (the site has about 250)
_memo: OrderedDict[str, str] = OrderedDict()


def highlight_once(self: Highlight, *args: Any, **kwargs: Any) -> Any:
    if SIGNATURE.bind(self, *args, **kwargs).arguments.get("inline") or self.title_mode == "html":
        return UPSTREAM(self, *args, **kwargs)
    settings = sorted((k, v) for k, v in vars(self).items() if k != "md")
    key = repr((settings, args, sorted(kwargs.items())))
    found = _memo.get(key)
    if found is None:
        found = UPSTREAM(self, *args, **kwargs)
        if not isinstance(found, str):
            return found
        _memo[key] = found
        if len(_memo) > LIMIT:
            _memo.popitem(last=False)
    else:
        _memo.move_to_end(key)
    return found


class TemplateMemory(jinja2.BytecodeCache):
    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


_templates = TemplateMemory()


_listed: dict[tuple[str, ...], list[str]] = {}
LIST_TEMPLATES = jinja2.FileSystemLoader.list_templates


def list_templates_once(self: jinja2.FileSystemLoader) -> list[str]:
    """The theme's files, walked once per process (MkDocs walks them in every build to
    copy its static files: about 0.1 s), without hidden ones (a part starting with ``.``:
    Material's 14,348 icons under ``.icons/``), which MkDocs' filter (``'.*'``, ``'*/.*'``)
    drops anyway, after matching each against its patterns (0.05 s a build). A theme
    folder edited under ``mkdocs serve`` needs a restart to show a new file."""
    key = tuple(map(str, self.searchpath))
    if key not in _listed:
        names = LIST_TEMPLATES(self)
        _listed[key] = [n for n in names if not any(p.startswith(".") for p in n.split("/"))]
    return list(_listed[key])


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    Highlight.highlight = highlight_once
    jinja2.FileSystemLoader.list_templates = list_templates_once  # type: ignore[method-assign]
    return config


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Any) -> jinja2.Environment:
    env.bytecode_cache = _templates
    return env
