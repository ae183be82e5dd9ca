"""MkDocs hook: check the site's rules, run snippets, show their real output on the page.

Listed under ``hooks:`` in mkdocs.yml. For each fence whose only line includes a ``.py``
snippet, the hook titles the fence with the snippet's path and puts the run's stdout
(byte for byte), its figures and a caption (device, torch version, time) under it. Results
come from ``tools.runner`` (content-hash cache shared with pytest). Any broken rule
(``tools.pages.check``), or a snippet that fails or breaks a limit, aborts the build with
a message naming the page and the snippet. What a snippet printed to stderr (warnings) is
shown under its output, marked as such.

Before any page is rendered, every snippet the pages show runs, in parallel on all cores
(``Runner.run_all``, longest first, progress in the log). ``mkdocs build`` waits for all
of them. ``mkdocs serve`` does not: its first pages appear at once, a snippet still running
shows a marked placeholder (since when, and how long its last run took), and each snippet
that finishes triggers a rebuild, so the browser reloads with the real output. A
placeholder can never reach a built site: ``on_post_page`` refuses one outside ``serve``.
Under ``serve`` a failed rebuild replaces the served pages with an error page naming the
file and the cause (requests never hang on it), which reloads once the error is fixed.

Fashion-MNIST is prepared offline from Debian's package when it is installed
(``tools.prepare_data``), so ``mkdocs serve`` on a fresh clone needs no other step.

A snippet with an output recorded on a GPU (``tools.record``) shows two content tabs:
this build's output and the recorded one, labelled with GPU, torch version and date.

Upstream workarounds live in hook files of their own, each saying what it works around and
for which versions (``tools/hook_*.py``, listed after this one in mkdocs.yml).

Example scripts in percent format also become notebook pages (``tools.notebooks``,
rendered by mkdocs-jupyter from the same run); their example blocks link to them, and
each notebook page offers its ``.py`` and ``.ipynb`` for download.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import html
import json
import logging
import os
import re
import shutil
import sys
import threading
import time
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools import generate, notebooks, pages, prepare_data, record, sync  # noqa: E402
from tools import site as site_model  # noqa: E402
from tools.runner import (  # noqa: E402
    Background,
    Result,
    Runner,
    SnippetError,
    env_number,
    run_label,
    varies,
)

log = logging.getLogger("mkdocs.hooks.snippets")
# The words this hook adds to pages are in locales/<code>.yml (tools.site: _words).
# The execution report (docs/examples/report.*.md): the marker its pages hold.
REPORT_MARKER = "<!-- execution-report -->"
NOTEBOOK_DIR = "notebooks"  # under docs/, generated, git-ignored
MARKER = "SNIPPET-OUTPUT-{}-END"
_runner = Runner()
_snippets_dir = Path("snippets")
_site: site_model.Site | None = None
_pending: dict[str, list[str]] = {}  # page src_uri -> HTML for its markers
_notebook_sources: dict[str, Path] = {}  # snippet relative to snippets/ -> its file
_notebook_css: dict[str, str] = {}  # file name under assets/jupyter/ -> CSS
_mode = "build"  # "serve" under `mkdocs serve` (on_startup)
_background: Background | None = None
_trigger: Path | None = None  # touched when a background run ends: serve rebuilds


def on_startup(command: str, dirty: bool) -> None:
    global _mode
    _mode = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _snippets_dir, _runner, _site
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        # mkdocs-static-i18n building another language within the same command: the rules
        # were checked, the snippets run and the files written when the command began.
        return config
    _rendered.clear()
    if _mode == "serve" and _only is not None:
        _build_one_language(config)
    _site = site_model.load(config.config_file_path)
    root = _site.root
    if _runner.root != root:
        _runner = Runner(root)
    _runner.log = log.info
    _snippets_dir = _site.snippets
    problems = pages.site_problems(config)
    if _mode == "serve":  # a draft not on any page yet does not make a page wrong
        drafts = [p for p in problems if p.endswith(pages.ORPHAN)]
        for draft in drafts:
            log.info(f"Not on any page yet (a draft?): {draft}")
        problems = [p for p in problems if p not in drafts]
    if problems:
        raise PluginError("Site rules broken:\n  " + "\n  ".join(problems))
    if prepare_data.SOURCE.is_dir() and prepare_data.prepare(root / "data") is not None:
        log.debug("Fashion-MNIST prepared offline in data/")
    nav = pages.nav_order(config.nav)
    _run_snippets(_shown(Path(config.docs_dir), nav), nav)
    if _only is None:  # a serve rebuild of one language: no snippet and no label changed
        _write_notebooks(config)
    _generate(config)
    return config


def _generate(config: MkDocsConfig) -> None:
    """The generated locales (``tools.generate``): their pages, their i18n settings, and
    jieba's dictionary with their words, so search cuts their text as the source's."""
    site = _words_site()
    if not site.generated:
        return
    if _only is None:  # else serve builds one written language; the rest wait for a full one
        generate.write_pages(site)
    i18n = config.plugins.get("i18n")
    if i18n is not None:
        generate.configure_i18n(site, i18n, pages.nav_titles(config.nav), config)
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is not None and not search.config.jieba_dict:
        path = generate.jieba_dictionary(site, site.cache / "jieba")
        if path is not None:
            import jieba

            if jieba.dt.dictionary != str(path.resolve()):  # set once: it loads lazily
                jieba.set_dictionary(str(path.resolve()))


def _shown(docs: Path, nav: list[str]) -> dict[Path, str]:
    """Every snippet a page runs, with the first page that shows it (for messages), in
    the order a reader meets the pages (nav), the default language's page first."""
    shown: dict[Path, str] = {}
    site = _words_site()
    first_lang = {x.code: i for i, x in enumerate(site.written)}
    place = {path: i for i, path in enumerate(nav)}

    def order(p: Path) -> tuple[int, str, int]:
        stem = p.relative_to(docs).as_posix().rsplit(".", 2)[0]
        return (place.get(f"{stem}.md", len(place)), stem, first_lang.get(p.name.split(".")[-2], 9))

    written = [p for x in site.written for p in site.pages(x)]
    for page in sorted(written, key=order):
        for fence in pages.fences(page.read_text(encoding="utf-8")):
            if fence.is_python and fence.include:
                path = (_snippets_dir / fence.include).resolve()
                shown.setdefault(path, f" (shown on page {page.relative_to(docs)})")
    return shown


FIRST_PAGES = 3  # under serve, the first build waits for the home page and two chapters


def _run_snippets(shown: dict[Path, str], nav: list[str]) -> None:
    """Run what is not cached yet, in parallel: waiting for all (build), or not (serve)."""
    global _background
    if _mode == "serve":
        started = _background is None or _background.runner is not _runner
        if started:
            _runner.nice = 10  # the server's builds come first; snippets take the rest
            _background = Background(_runner, _snippet_finished)
        missing = [p for p in shown if _runner.cached(p) is None]
        first_pages = {
            f" (shown on page {x.page(n[:-3])})"
            for n in nav[:FIRST_PAGES]
            for x in _words_site().written
        }
        first = [p for p in missing if shown[p] in first_pages]
        new = [p for p in missing if _background.state(p)[0] == "idle"]
        _background.submit(missing, shown, first=first)
        # Worth a short wait: on a cold start the first pages, so a new reader's first
        # pages are real; later, what this build queued (an edited snippet), so it shows
        # its new output without a placeholder. What earlier builds queued is not waited
        # for: each finished run triggers a rebuild anyway.
        _background.wait(env_number("SNIPPETS_SERVE_WAIT", 30.0), first if started else new)
        return
    results = _runner.run_all(list(shown), contexts=shown, progress=log.info)
    failed = [str(r) for r in results.values() if isinstance(r, SnippetError)]
    if failed:
        raise PluginError(f"{len(failed)} snippet(s) failed:\n" + "\n".join(failed))


def _snippet_finished() -> None:
    global _missed
    if _trigger is not None:  # a file the server watches: it rebuilds
        _trigger.write_text(f"{time.time()}\n", encoding="utf-8")
    else:  # still in serve's first build: on_serve triggers the rebuild
        _missed = True


_missed = False


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
    global _trigger
    _trigger = _runner.root / ".cache" / "serve" / "finished"
    _trigger.parent.mkdir(parents=True, exist_ok=True)
    server.watch(str(_trigger.parent))
    server.watch(str(_snippets_dir))  # an edited snippet runs again and its page rebuilds
    rebuild = server.builder

    def rebuild_or_show_error() -> None:
        global _only, _built_ok
        _only = _one_language_edited()
        try:
            rebuild()
            _built_ok = True
        except BaseException as exc:  # noqa: BLE001 (mkdocs raises SystemExit on abort)
            _built_ok = False
            if isinstance(exc, KeyboardInterrupt):
                raise
            _show_error(Path(server.root), exc)
        finally:
            _only = None
            while _restore:  # also after a failed build: the next one empties the folder
                _restore.pop()()

    server.builder = rebuild_or_show_error  # type: ignore[method-assign]
    global _seen, _built_ok
    _seen, _built_ok = _watched(), True  # the first build (serve aborts if it fails)
    if "jieba" in sys.modules:  # search cuts an edited page's Chinese: load its words now,
        # not on the first save (about 1 s with the generated locales' dictionary)
        threading.Thread(target=sys.modules["jieba"].initialize, daemon=True).start()
    if _missed:  # a snippet finished during the first build, after its page was built:
        # rebuild once the server watches (it starts watching after this hook returns)
        threading.Timer(2.0, _snippet_finished).start()
    return server


# Under serve, saving pages of one written language rebuilds that language only (the
# others keep their pages from the last build, and their search entries); anything else
# saved (a snippet, mkdocs.yml, tools/, pages of two languages) rebuilds every language.
# SNIPPETS_SERVE_ALL_LANGUAGES=1 always rebuilds every language.
_only: str | None = None  # the language this rebuild builds alone
_placeholders = False  # the last build showed a placeholder
_built_ok = False
_seen: dict[str, float] = {}  # file -> mtime at the last build, under serve


def _watched() -> dict[str, float]:
    site = _words_site()
    out = {}
    for folder in (
        site.docs,
        site.snippets,
        site.root / "tools",
        site.root / site_model.LOCALES_DIR,
    ):
        for p in folder.rglob("*"):
            if (
                p.is_file()
                and not pages.is_scratch(p)
                and not generate.is_generated(site, p)
                and NOTEBOOK_DIR not in p.relative_to(site.root).parts[:2]
            ):
                out[str(p)] = p.stat().st_mtime
    config = site.root / "mkdocs.yml"
    out[str(config)] = config.stat().st_mtime
    return out


def _one_language_edited() -> str | None:
    """The written language whose pages alone changed since the last build, if so."""
    global _seen
    now = _watched()
    changed = {p for p in set(now) | set(_seen) if now.get(p) != _seen.get(p)}
    before, _seen = _seen, now
    global _placeholders
    pending, _placeholders = _placeholders, False
    if (
        not before
        or not _built_ok
        or pending
        or os.environ.get("SNIPPETS_SERVE_ALL_LANGUAGES") == "1"
    ):
        return None  # every language: also when the last build showed a placeholder
    site = _words_site()
    langs = {site.locale_of(p) for p in changed}
    if len(langs) != 1 or None in langs or not all(p.endswith(".md") for p in changed):
        return None
    (only,) = langs
    return only.code if only is not None and not only.generated else None


def _build_one_language(config: MkDocsConfig) -> None:
    """This serve rebuild builds ``_only``: mkdocs-static-i18n starts with it and builds
    no other (its loop runs only when it is not already ``building``); the served
    directory is not emptied first."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return
    import mkdocs.utils

    log.info(
        f"Only {_only} pages changed: building {_only} alone "
        "(SNIPPETS_SERVE_ALL_LANGUAGES=1 builds every language)"
    )
    i18n.current_language = _only
    i18n.building = True
    keep = mkdocs.utils.clean_directory
    mkdocs.utils.clean_directory = lambda _path: None  # type: ignore[assignment]
    _restore.append(lambda: setattr(mkdocs.utils, "clean_directory", keep))


_restore: list[Any] = []


def _keep_other_languages_search(config: MkDocsConfig) -> None:
    """The search entries of the languages this rebuild did not build, from the index
    the last build wrote, so search still finds them."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    index = Path(config.site_dir) / "search" / "search_index.json"
    if search is None or not index.is_file():
        return
    prefix = _words_site().locale(_only or "").prefix
    others = _words_site().locales

    def mine(location: str) -> bool:
        if prefix:
            return location.startswith(prefix)
        return not any(x.prefix and location.startswith(x.prefix) for x in others)

    old = json.loads(index.read_text(encoding="utf-8")).get("docs", [])
    search.search_index.entries.extend(e for e in old if not mine(e["location"]))


_served: list[str] = []  # the HTML files of the last complete build, under serve
# A generated locale's page is its source page's HTML, converted (tools.generate): the
# source's rendering (content, table of contents, title), by (locale, slug), this build.
_rendered: dict[tuple[str, str], tuple[str, Any, str | None]] = {}
_reused: dict[str, tuple[str, str]] = {}  # generated page src_uri -> its source's key


def on_shutdown() -> None:
    if _background is not None:  # Ctrl-C: no snippet outlives the server
        _background.shutdown()


def _show_error(site: Path, exc: BaseException) -> None:
    """Replace every served page (and the 404 page) with the build error: no request
    waits on a build that failed, and the page reloads by itself once a rebuild works."""
    cause = str(exc) if not isinstance(exc, SystemExit) else ""
    cause = cause or _last_error or f"{type(exc).__name__} (see the terminal)"
    log.error(f"Build failed; every page shows the error until it is fixed: {cause}")
    page = (
        '<!doctype html><html><head><meta charset="utf-8"><title>Build failed</title>'
        '</head><body style="font-family:sans-serif;margin:2em">'
        "<h1>Build failed · 构建失败</h1><p>Fix the error below and save: this page "
        "reloads by itself. 修正下面的错误并保存，本页会自动刷新。</p>"
        f'<pre style="white-space:pre-wrap">{html.escape(cause)}</pre></body></html>'
    )
    for rel in set(_served) | {"index.html", "404.html"}:
        path = site / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page, encoding="utf-8")


class _CauseOnItsLine(logging.Filter):
    """MkDocs logs "Error reading page 'x.md':" with nothing after it when a hook fails;
    our own error line names the page and the cause together, so drop the empty one."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not re.fullmatch(r"Error reading page '[^']*':", record.getMessage())


logging.getLogger("mkdocs.commands.build").addFilter(_CauseOnItsLine())


_last_error = ""


def _fail(message: str) -> PluginError:
    """A PluginError whose cause is also logged on the line that names it."""
    global _last_error
    _last_error = message
    return PluginError(message)


def _write_notebooks(config: MkDocsConfig) -> None:
    """Write the example notebooks into docs/notebooks/ before MkDocs collects files."""
    _notebook_sources.clear()
    made = []
    for path in sorted((_snippets_dir / "examples").glob("*.py")):
        if not notebooks.is_notebook_source(path):
            continue
        result = _runner.cached(path)
        if result is None and _mode != "serve":
            try:
                result = _runner.result(path, context=" (made into a notebook)")
            except SnippetError as exc:
                raise _fail(str(exc)) from None
        _notebook_sources[path.relative_to(_snippets_dir).as_posix()] = path
        made.append((path, result))  # None: still running under serve (a placeholder)
    notebooks.write(made, Path(config.docs_dir) / NOTEBOOK_DIR, _words_site())


@event_priority(10)  # before Material's search plugin writes its index
def on_post_build(config: MkDocsConfig) -> None:
    if _only is not None:
        _keep_other_languages_search(config)
    if _mode == "serve":
        site = Path(config.site_dir)
        _served[:] = [p.relative_to(site).as_posix() for p in site.rglob("*.html")]
    for name, css in _notebook_css.items():
        target = Path(config.site_dir) / "assets" / "jupyter" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(css, encoding="utf-8")


def _words_site() -> site_model.Site:
    return _site or site_model.load()


def _locale(page: Page) -> str:
    """The code of the page's locale (the default one for a page without a suffix)."""
    site = _words_site()
    found = site.locale_of(page.file.src_uri)
    return (found or site.default).code


def _words(locale: str) -> dict[str, Any]:
    return _words_site().labels(locale)


def render(result: Result, locale: str, links: str = "") -> str:
    """The HTML shown under a snippet: caption, exact stdout, stderr, figures, ``links``.

    A snippet marked ``# output varies: why`` says so in its caption."""
    label = result.label
    if varies(_runner.root / result.snippet):
        label += f" · {_words(locale)['varies']}"
    figures = [
        (
            p.read_bytes(),
            result.dark[i].read_bytes() if result.dark else None,
            figure_alt(i + 1, result.described[i] if result.described else {}, locale),
        )
        for i, p in enumerate(result.figures)
    ]
    return _output_html(
        result.snippet, label, result.stdout, figures, locale, links, stderr=result.stderr
    )


def figure_alt(n: int, described: dict[str, Any], locale: str) -> str:
    """A figure's alt text from what it shows (``notes_mpl_backend.describe``).

    "Figure 2: ReLU, Sigmoid; f(x), f'(x); x: x, y: y": the suptitle, the axes' titles,
    the legend entries, then the axis labels, each once, in the page's language for the
    words the build adds. A figure label the snippet set is used as written.
    """
    w = _words(locale)["alt"]
    head = f"{_words(locale)['figure']} {n}"
    colon, sep, both, images, x_only, y_only = (
        w[k] for k in ("colon", "sep", "both", "images", "x_only", "y_only")
    )
    if described.get("label"):
        return f"{head}{colon}{described['label']}"
    axes = described.get("axes", [])

    def unique(values: Any) -> list[str]:  # "_"-labels are matplotlib's hidden ones
        return list(
            dict.fromkeys(
                " ".join(v.replace("$", "").split()) for v in values if v and not v.startswith("_")
            )
        )

    parts = [
        described.get("suptitle", ""),
        ", ".join(unique(a["title"] for a in axes)),
        ", ".join(unique([t for a in axes for t in a["legend"]] + described.get("legend", []))),
    ]
    pairs = unique(f"{a['xlabel']}\0{a['ylabel']}" for a in axes if a["xlabel"] or a["ylabel"])
    for pair in pairs:
        x, y = pair.split("\0")
        parts.append(
            both.format(x=x, y=y) if x and y else x_only.format(x=x) if x else y_only.format(y=y)
        )
    if axes and all(a["image"] for a in axes) and not any(parts):
        parts.append(images.format(n=len(axes)))
    words = [p for p in parts if p]
    return f"{head}{colon}{sep.join(words)}" if words else head


def render_pending(snippet: Path, locale: str) -> str:
    """Under ``mkdocs serve`` only: the marked placeholder of a snippet still running."""
    assert _mode == "serve" and _background is not None, "placeholders are for serve only"
    global _placeholders
    _placeholders = True
    words = _words(locale)["pending"]
    state, since = _background.state(snippet)
    last = _runner.durations().get(_runner.rel(snippet))
    label = (
        words["since"].format(since=time.strftime("%H:%M:%S", time.localtime(since)))
        if since
        else words["queued"]
    )
    label += " · " + (words["last"].format(last=f"{last:.1f}") if last else words["first"])
    rel = html.escape(_runner.rel(snippet))
    return (
        f'<div class="snippet-output snippet-output--pending" data-snippet="{rel}">\n'
        f'<p class="snippet-output__label">{_words(locale)["output"]} · '
        f"{html.escape(label)}</p>\n<p>{words['text']}</p>\n</div>"
    )


def render_recording(rec: record.Recording, locale: str, stale: bool) -> str:
    """The same for an output recorded on a GPU (``tools.record``)."""
    words = _words(locale)["recorded"]
    when = words["date"].format(date=rec.date)
    label = f"{run_label(rec.device, rec.torch, rec.seconds)} · {when}"
    if stale:
        label += f" · {words['stale']}"
    figures = [
        (png, dark, figure_alt(i + 1, rec.described[i] if rec.described else {}, locale))
        for i, (png, dark) in enumerate(zip(rec.pngs(), rec.dark_pngs()))
    ]
    return _output_html(
        rec.snippet,
        label,
        rec.stdout,
        figures,
        locale,
        "",
        css="snippet-output snippet-output--recorded",
    )


def _output_html(
    snippet: str,
    label: str,
    stdout: str,
    figures: list[tuple[bytes, bytes | None, str]],
    locale: str,
    links: str,
    css: str = "snippet-output",
    stderr: str = "",
) -> str:
    """``figures``: per figure its PNG, its dark-palette PNG (or None) and its alt text.
    With a dark variant both are in the page and the palette shows one (CSS)."""
    word = _words(locale)["output"]
    parts = [
        f'<div class="{css}" data-snippet="{html.escape(snippet)}">',
        f'<p class="snippet-output__label">{word} · {html.escape(label)}</p>',
    ]
    if stdout:
        parts.append(f'<pre><code tabindex="0">{html.escape(stdout, quote=False)}</code></pre>')
    if stderr:
        parts.append(
            '<p class="snippet-output__stream">stderr</p>\n'
            '<pre class="snippet-output__stderr"><code tabindex="0">'
            f"{html.escape(stderr, quote=False)}</code></pre>"
        )
    for png, dark, alt in figures:
        for variant, data in (("light", png), ("dark", dark)):
            if data is None:
                continue
            kind = f" snippet-output__figure--{variant}" if dark is not None else ""
            parts.append(
                f'<img class="snippet-output__figure{kind}" '
                f'alt="{html.escape(alt)}" '
                f'src="data:image/png;base64,{base64.b64encode(data).decode()}">'
            )
    return "\n".join(parts + [links + "</div>"])


def execution_report(docs: Path, page: Path, locale: str) -> str:
    """The report's tables (Markdown), from the results this build uses: every snippet a
    page shows, the pages showing it, device, torch, wall time, when it ran, whether it
    came from the cache, and its GPU recording; the ten slowest and totals per page."""
    w = _words(locale)["report"]
    showing: dict[Path, list[str]] = {}
    site = _words_site()
    for md in site.pages():
        slug = site.slug(md)
        for inc in pages.includes(md.read_text(encoding="utf-8")):
            if inc.endswith(".py"):
                showing.setdefault((_snippets_dir / inc).resolve(), []).append(slug)
    here = page.parent

    def link(slug: str) -> str:
        target = os.path.relpath(docs / f"{slug}.md", here)
        return f"[{slug}]({Path(target).as_posix()})"

    rows = []
    for path, slugs in showing.items():
        res = _runner.cached(path)
        rec = record.load(_runner.root, path)
        gpu = (
            "none" if rec is None else "stale" if record.is_stale(_runner.root, rec) else "current"
        )
        rel = _runner.rel(path)
        rows.append(
            {
                "snippet": f"`{rel.removeprefix('snippets/')}`",
                "slugs": slugs,
                "pages": ", ".join(link(s) for s in dict.fromkeys(slugs)),
                "device": res.device if res else "—",
                "torch": res.torch if res else "—",
                "seconds": res.seconds if res else 0.0,
                "ran": (
                    time.strftime("%Y-%m-%d %H:%M", time.gmtime(res.ran_at))
                    if res and res.ran_at
                    else "—"
                ),
                "source": w["pending"]
                if res is None
                else w["built"]
                if rel in _runner.executed
                else w["cache"],
                "gpu": w[gpu],
            }
        )
    rows.sort(key=lambda r: -r["seconds"])
    done = [r for r in rows if r["device"] != "—"]
    out = [
        w["summary"].format(
            n=len(rows),
            total=sum(r["seconds"] for r in rows),
            devices=", ".join(sorted({r["device"] for r in done})) or "—",
            torch=", ".join(sorted({r["torch"] for r in done})) or "—",
            now=time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        ),
        "",
    ]

    def table(head: list[str], body: list[list[str]]) -> None:
        out.extend(["| " + " | ".join(head) + " |", "|" + "---|" * len(head)])
        out.extend("| " + " | ".join(cells) + " |" for cells in body)
        out.append("")

    cols = ["snippet", "page", "device", "time", "ran", "source", "gpu"]

    def cells(r: dict[str, Any]) -> list[str]:
        return [
            r["snippet"],
            r["pages"],
            f"{r['device']} · torch {r['torch']}",
            f"{r['seconds']:.2f}",
            r["ran"],
            r["source"],
            r["gpu"],
        ]

    out += [f"## {w['slowest']} {{ #slowest }}", ""]
    table([w[c] for c in cols], [cells(r) for r in rows[:10]])
    per_page: dict[str, list[float]] = {}
    for r in rows:
        for slug in dict.fromkeys(r["slugs"]):
            per_page.setdefault(slug, []).append(r["seconds"])
    out += [f"## {w['pages']} {{ #per-page }}", ""]
    table(
        [w["page"], w["count"], w["total"]],
        [
            [link(slug), str(len(t)), f"{sum(t):.2f}"]
            for slug, t in sorted(per_page.items(), key=lambda kv: -sum(kv[1]))
        ],
    )
    out += [f"## {w['all']} {{ #all }}", ""]
    table([w[c] for c in cols], [cells(r) for r in sorted(rows, key=lambda r: r["snippet"])])
    return "\n".join(out)


def on_page_markdown(
    markdown: str, page: Page, config: MkDocsConfig, files: Files, **kwargs: Any
) -> str:
    if _is_notebook(page):
        return markdown  # rendered by mkdocs-jupyter; its outputs are in the notebook
    source = _source_rendering(page)
    if source is not None:  # on_page_content puts the source page's HTML, converted
        _reused[page.file.src_uri] = source
        return ""
    markdown = _behind_notices(markdown, page)
    if REPORT_MARKER in markdown:
        docs = Path(config.docs_dir).resolve()
        report = execution_report(docs, (docs / page.file.src_uri).resolve(), _locale(page))
        markdown = markdown.replace(REPORT_MARKER, report)
    lines = markdown.splitlines()
    outputs: list[str] = []
    for fence in reversed(pages.fences(markdown)):
        target = fence.include
        if not fence.is_python or not target:
            continue
        problem = pages.block_problem(fence, _snippets_dir, _runner.root)
        if problem:  # checked in on_config already; a page changed since
            raise _fail(f"{page.file.src_uri}:{fence.lineno}: {problem}")
        path = _snippets_dir / target
        locale = _locale(page)
        result = _result(path, page)
        if result is None:  # still running under `mkdocs serve`
            outputs.append(render_pending(path, locale))
            lines.insert(fence.end, f"\n{fence.indent}{MARKER.format(len(outputs) - 1)}\n")
            continue
        links = _notebook_links(target, page) if target in _notebook_sources else ""
        outputs.append(render(result, locale, links))
        marker = MARKER.format(len(outputs) - 1)
        rec = record.load(_runner.root, path)
        if rec is None:
            lines.insert(fence.end, f"\n{fence.indent}{marker}\n")
        else:  # content tabs: this build's output, and the one recorded on a GPU
            stale = record.is_stale(_runner.root, rec)
            outputs.append(render_recording(rec, locale, stale))
            words = _words(locale)["recorded"]
            gpu_tab = words["date"].format(date=rec.date)
            gpu_tab = f"{rec.gpu} · {gpu_tab}" + (f" · {words['stale']}" if stale else "")
            i = fence.indent
            lines.insert(
                fence.end,
                (
                    f'\n{i}=== "{_words(locale)["build_tab"]} · {result.device}"\n\n'
                    f"{i}    {marker}\n\n"
                    f'{i}=== "{gpu_tab}"\n\n{i}    {MARKER.format(len(outputs) - 1)}\n'
                ),
            )
        if "title=" not in fence.info:
            shown = html.escape(path.resolve().relative_to(_runner.root).as_posix())
            lines[fence.lineno - 1] += f' title="{shown}"'
    _pending[page.file.src_uri] = outputs
    return "\n".join(lines) + "\n"


def _behind_notices(markdown: str, page: Page) -> str:
    """A notice under each heading whose section ``tools.sync`` marks behind in this
    page's language (a generated page: its source's), linking to the same section in
    the language it is behind."""
    site = _words_site()
    locale = site.locale(_locale(page))
    written = site.locale(locale.source) if locale.source else locale
    slug = site.slug(Path(page.file.abs_src_path))
    marked = {
        a
        for (p, a), lang in sync.behind(_runner.root).items()
        if p == slug and lang == written.code
    }
    if not marked:
        return markdown
    lines = markdown.splitlines()
    other = site.default if not written.default else next(x for x in site.written if not x.default)
    words = _words(locale.code)["behind"]
    for lineno, _, anchor in reversed(list(pages.headings(markdown))):
        if anchor in marked:
            url = html.escape(f"{get_relative_url(other.url(slug), page.url)}#{anchor}")
            lines.insert(
                lineno, f'\n!!! note "{words["title"]}"\n    {words["text"].format(url=url)}\n'
            )
    return "\n".join(lines) + "\n"


def _result(path: Path, page: Page) -> Result | None:
    """The snippet's result; None while it runs in the background under serve."""
    context = f" (shown on page {page.file.src_uri})"
    if _mode == "serve" and _background is not None:
        cached = _runner.cached(path)
        if cached is not None:
            return cached
        error = _background.error(path)
        if error is not None:
            raise _fail(str(error))
        if _background.state(path)[0] == "idle":
            _background.submit([path], {path.resolve(): context})
        return None
    try:
        return _runner.result(path, context=context)
    except SnippetError as exc:
        raise _fail(str(exc)) from None


def _source_rendering(page: Page) -> tuple[str, str] | None:
    """For a generated locale's page whose source page was rendered in this build: the
    key of that rendering. The same HTML converted is what rendering the converted
    Markdown would give, at a fraction of the cost; links stay right, since every locale
    has the same tree under its prefix. A page with a notice linking to another language
    (``_behind_notices``) is rendered from its Markdown."""
    site = _words_site()
    locale = site.locale(_locale(page))
    if not locale.generated:
        return None
    slug = site.slug(Path(page.file.abs_src_path))
    key = (locale.source or "", slug)
    if key not in _rendered or any(p == slug for p, _ in sync.behind(_runner.root)):
        return None
    return key


def _converted_rendering(page: Page, key: tuple[str, str]) -> str:
    site = _words_site()
    convert = generate.for_locale(site, site.locale(_locale(page)))
    content, toc, title = _rendered[key]
    toc = copy.deepcopy(toc)
    stack = list(toc)
    while stack:
        item = stack.pop()
        item.title = (
            generate.convert_html(item.title, convert) if "<" in item.title else convert(item.title)
        )
        stack += item.children
    page.toc = toc
    page._title_from_render = convert(title) if title else None
    return generate.convert_html(content, convert)


def on_page_content(content: str, page: Page, **kwargs: Any) -> str:
    key = _reused.pop(page.file.src_uri, None)
    if key is not None:
        return _converted_rendering(page, key)
    content = _page_content(content, page)
    locale = _locale(page)
    if not _is_notebook(page) and any(x.source == locale for x in _words_site().generated):
        slug = _words_site().slug(Path(page.file.abs_src_path))
        _rendered[(locale, slug)] = (content, page.toc, page._title_from_render)
    return content


def _page_content(content: str, page: Page) -> str:
    if _is_notebook(page):
        # The same code and outputs are indexed on the example pages; indexing the
        # notebooks too would double every search hit (and their HTML is heavy to parse).
        page.meta["search"] = {"exclude": True}
        return _notebook_css_link(content, page)
    for n, block in enumerate(_pending.pop(page.file.src_uri, [])):
        marker = MARKER.format(n)
        if f"<p>{marker}</p>" not in content:
            raise _fail(
                f"{page.file.src_uri}: output of a snippet got lost in "
                "rendering (is its fence closed?)"
            )
        content = content.replace(f"<p>{marker}</p>", block)
    # Each diagram in a box of its own; a left-to-right one keeps a legible width on a
    # narrow screen and scrolls sideways in its box (CSS), a top-down one fits anyway.
    return _MERMAID.sub(_diagram_box, content)


_MERMAID = re.compile(r'<pre class="mermaid"><code>(?P<src>.*?)</pre>', re.S)


def _diagram_box(m: re.Match[str]) -> str:
    wide = re.match(r"\s*(?:flowchart|graph)\s+(?:LR|RL)\b", html.unescape(m["src"]))
    css = "diagram-scroll diagram-scroll--wide" if wide else "diagram-scroll"
    return f'<div class="{css}">{m.group(0)}</div>'


def _is_notebook(page: Page) -> bool:
    return page.file.src_uri.startswith(f"{NOTEBOOK_DIR}/") and page.file.src_uri.endswith(".ipynb")


def _notebook_links(target: str, page: Page) -> str:
    """Links under an example's output: its notebook page and the two downloads."""
    words = _words(_locale(page))["notebook_links"]
    view, download = words["view"], words["download"]
    name = Path(target).name
    locale = _words_site().locale(_locale(page))
    nb_url = get_relative_url(locale.url(f"{NOTEBOOK_DIR}/{Path(target).stem}"), page.url)
    return (
        f'<p class="snippet-output__links"><a href="{nb_url}">{view}</a> · {download} '
        f'<a href="{nb_url}{name}" download>{name}</a> · '
        f'<a href="{nb_url}{Path(target).stem}.ipynb" download>'
        f"{Path(target).stem}.ipynb</a></p>\n"
    )


_STYLE = '<style type="text/css">'


def _notebook_css_link(content: str, page: Page) -> str:
    """Move mkdocs-jupyter's inlined stylesheets into one shared file.

    mkdocs-jupyter inlines JupyterLab's stylesheet (about 600 KB) into every notebook page;
    it goes instead to ``assets/jupyter/<hash>.css``, fetched once and cached, by notebook
    pages only. Done before the page is templated, so the rest of the build handles a
    small page.
    """
    kept, styles, pos = [], [], 0
    while (start := content.find(_STYLE, pos)) >= 0:  # str.find: a regex is slow here
        end = content.find("</style>", start)
        kept.append(content[pos:start])
        styles.append(content[start + len(_STYLE) : end].strip())
        pos = end + len("</style>")
    if not styles:
        return content
    css = "\n".join(styles)
    name = hashlib.sha256(css.encode()).hexdigest()[:12] + ".css"
    _notebook_css[name] = css
    page.meta["notebook_css"] = get_relative_url(f"assets/jupyter/{name}", page.url)
    return "".join(kept) + content[pos:]


def _notebook_page(output: str, page: Page) -> str:
    """Put a notebook page's downloads beside it and link its stylesheet."""
    stem = Path(page.file.src_uri).name.split(".")[0]
    folder = Path(page.file.abs_dest_path).parent
    folder.mkdir(parents=True, exist_ok=True)
    source = _notebook_sources[f"examples/{stem}.py"]
    shutil.copyfile(source, folder / source.name)
    shutil.copyfile(page.file.abs_src_path, folder / f"{stem}.ipynb")
    href = page.meta.get("notebook_css")
    if not href:
        return output
    return output.replace("</head>", f'  <link rel="stylesheet" href="{href}">\n  </head>', 1)


_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    # mkdocs-static-i18n points each <link rel="alternate" hreflang> at the same page in
    # the other language; Material's JS expects language roots there and fetches
    # "<link>/sitemap.xml" for each, a 404 on every page. The language switch keeps its
    # page-specific links, and sitemap.xml keeps the hreflang alternates for search engines.
    if _is_notebook(page):
        output = _notebook_page(output, page)
    # A page's language is its locale's, also where the theme lends it another's words
    # (a generated locale the theme has no translation for: tools.generate).
    if _mode != "serve" and "snippet-output--pending" in output:
        raise _fail(
            f"{page.file.src_uri}: a placeholder for a running snippet reached "
            f"a '{_mode}' build; only `mkdocs serve` may show one"
        )
    end = output.find("</head>")  # both edits are in the head: spare the page's body
    head = re.sub(r'<html lang="[^"]*"', f'<html lang="{_locale(page)}"', output[:end], count=1)
    return _ALTERNATE.sub("", head) + output[end:]
