"""``mkdocs serve``: snippets run in the background, rebuild triggers, the error page.

One ``ServeSession`` holds what a serve session remembers between its rebuilds. No build
waits for a snippet: one still running (or queued) shows a marked placeholder, and a
rebuild follows when it ends (only if a page showed one); snippets start once the first
build is served, so it comes at the speed of a build with placeholders. A saved snippet starts its run at
once, dropping the run of its previous version (its process is killed), and the rebuild
waits for it up to ``SNIPPETS_SERVE_WAIT`` seconds (2): a quick snippet's new output comes
with one rebuild, a slow one shows its placeholder meanwhile. Each rebuild writes into a
folder the server does not serve; requests are answered during it from the last complete
build (``tools.workaround_livereload``), which the new one replaces when done. Files are
watched here, not by MkDocs' own watcher of ``docs/``: editor files (``*.swp``, ``*~``,
``#*#``, ``.#*``), generated pages and notebooks trigger nothing; ``snippets/``,
``locales/`` and ``mkdocs.yml`` do. A failed rebuild replaces every served
page by an error page naming this build's error (file, line, cause), which reloads by
itself once a rebuild works.

Saving pages of one written language rebuilds only the pages saved since the last build,
in that language (MkDocs' dirty build, in a copy of the last build; the other pages keep
their output and search entries: ``tools.workaround_one_language``), unless a generated
language follows it; ``SNIPPETS_SERVE_ALL_LANGUAGES=1`` always rebuilds every language.
"""

from __future__ import annotations

import contextlib
import html
import logging
import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from tools import generate, pages, render, sandbox
from tools import site as site_model
from tools import workaround_livereload as livereload
from tools import workaround_one_language as one_language
from tools.runner import Background, Result, Runner, env_number
from tools.serve_folders import Folders

log = logging.getLogger("mkdocs.hooks.snippets")
ERROR_PAGE = (
    '<!doctype html><html><head><meta charset="utf-8"><title>Build failed</title>'
    '</head><body style="font-family:sans-serif;margin:2em">'
    "<h1>Build failed · 构建失败</h1><p>Fix the error below and save: this page "
    "reloads by itself. 修正下面的错误并保存，本页会自动刷新。</p>"
    '<pre style="white-space:pre-wrap">{cause}</pre></body></html>'
)


class ServeSession:
    """What one ``mkdocs serve`` remembers between its builds."""

    def __init__(self, site: Callable[[], site_model.Site]) -> None:
        self.site = site  # the site model of the latest build
        self.background: Background | None = None
        self.trigger: Path | None = None  # touched to make the server rebuild
        self.only: str | None = None  # the language this rebuild builds alone
        self.placeholders = False  # this (or the last) build showed a placeholder
        self.finished = False  # a snippet ended while a build ran (or before serving)
        self.building = False
        self.built_ok = True
        self.seen: dict[str, float] = {}  # watched file -> mtime at the last build
        self.error = ""  # this build's error, as the build reported it
        self.restore: Callable[[], None] = lambda: None
        self.observer: Any = None
        self.runner: Runner | None = None
        self.contexts: dict[Path, str] = {}  # each shown snippet -> the page showing it
        self.saved: set[Path] = set()  # snippets saved, whose runs a rebuild waits for
        self.lock = threading.Lock()
        self.folders = Folders()
        self.rendered: set[str] = set()  # the URLs of the pages this build rendered
        self.saved_pages: list[Path] = []  # the pages saved since the last build

    # -- snippets ----------------------------------------------------------------------

    def run_snippets(self, runner: Runner, shown: dict[Path, str], first: list[Path]) -> None:
        """Queue what is not cached, in page order (``first``, the first pages' snippets,
        first); no build waits for them."""
        if self.background is None or self.background.runner is not runner:
            runner.nice = 10  # the server's builds come first; snippets take the rest
            # the first build (before the server starts) runs alone: snippets start after it
            self.background = Background(runner, self.snippet_finished, paused=not self.trigger)
        self.runner, self.contexts = runner, {p.resolve(): c for p, c in shown.items()}
        missing = [p for p in shown if runner.cached(p) is None]
        self.background.submit(missing, shown, first=[p for p in first if p in set(missing)])

    def snippet_saved(self, path: Path) -> None:
        """A saved snippet runs at once (its earlier version's run is dropped); the rebuild
        waits for it, ``SNIPPETS_SERVE_WAIT`` seconds at most."""
        runner, background, path = self.runner, self.background, path.resolve()
        if runner is None or background is None or not path.is_file():
            return self.rebuild()
        background.supersede(path)
        context = self.contexts.get(path)
        if context is None or runner.cached(path) is not None:
            return self.rebuild()  # on no page (yet), or ran before
        background.submit([path], {path: context}, first=[path])
        with self.lock:
            waiting = bool(self.saved)
            self.saved.add(path)
        if not waiting:
            threading.Thread(target=self.rebuild_after_runs, daemon=True).start()

    def rebuild_after_runs(self) -> None:
        assert self.background is not None
        deadline = time.monotonic() + env_number("SNIPPETS_SERVE_WAIT", 2.0)
        while time.monotonic() < deadline:
            with self.lock:
                saved = [p for p in self.saved if p.is_file()]
            with contextlib.suppress(OSError):
                if not self.background.busy({self.background.runner.key(p) for p in saved}):
                    break
            time.sleep(0.05)
        with self.lock:
            self.saved.clear()
        self.rebuild()

    def result(self, runner: Runner, path: Path, context: str) -> Result | None:
        """The snippet's result; None while it runs (its run is queued if it is not)."""
        assert self.background is not None
        cached = runner.cached(path)
        if cached is not None:
            return cached
        error = self.background.error(path)
        if error is not None:
            raise error
        if self.background.state(path)[0] == "idle":
            self.background.submit([path], {path.resolve(): context})
        return None

    def pending_html(self, runner: Runner, path: Path, labels: render.Labels) -> str:
        assert self.background is not None
        self.placeholders = True
        _, since = self.background.state(path)
        last = runner.durations().get(runner.rel(path))
        return render.pending_html(runner.rel(path), labels, since, last)

    def snippet_finished(self) -> None:
        """From a worker thread: snippets ended. A rebuild only if a page shows a
        placeholder; during a build, decided when it ends."""
        if self.building or self.trigger is None:
            self.finished = True
        elif self.placeholders:
            self.rebuild()

    def rebuild(self) -> None:
        if self.trigger is not None:  # a file the server watches: it rebuilds
            self.trigger.write_text(f"{time.time()}\n", encoding="utf-8")

    # -- the server --------------------------------------------------------------------

    def start(self, server: LiveReloadServer, config: MkDocsConfig) -> None:
        """Watch what makes a rebuild, wrap the server's builder (after the first build)."""
        site = self.site()
        self.trigger = site.cache / "serve" / "finished"
        self.trigger.parent.mkdir(parents=True, exist_ok=True)
        for path in (config.docs_dir, config.config_file_path):  # MkDocs' watches: any file
            with contextlib.suppress(KeyError):  # not watched: nothing to undo
                server.unwatch(path)
        server.watch(str(self.trigger.parent))
        self.observer = Observer()
        handler = _Changes(self)
        # not tools/: its code is loaded once; a change there needs a restart
        for folder in (site.docs, site.snippets, site.locales_dir):
            if folder.is_dir():
                self.observer.schedule(handler, str(folder), recursive=True)
        self.observer.schedule(handler, str(site.root), recursive=False)  # mkdocs.yml
        self.observer.daemon = True
        self.observer.start()
        self.serve_from_folders(server, config)
        if self.background is not None:
            self.background.resume()
        self.seen = self.watched()
        if "jieba" in sys.modules:  # search cuts an edited page's Chinese: load its words now,
            # not on the first save (about 1 s with the generated locales' dictionary)
            threading.Thread(target=sys.modules["jieba"].initialize, daemon=True).start()
        if self.finished and self.placeholders:  # a snippet ended during the first build
            threading.Timer(2.0, self.rebuild).start()  # the server watches once this returns
        self.finished = False

    def serve_from_folders(self, server: LiveReloadServer, first: MkDocsConfig) -> None:
        """Rebuilds go to the folder not served; requests are answered meanwhile."""
        self.folders.start(Path(server.root), mirror=not self.placeholders)
        if self.folders.made is not None:
            sandbox.remove_with_me(self.folders.made)
        build = server.builder

        def saved_pages() -> None:  # a dirty build, of the language self.only
            log.info("Building documentation...")
            config = load_config(
                config_file=first.config_file_path,
                site_dir=str(self.folders.target),
                strict=first.strict,
                use_directory_urls=first.use_directory_urls,
            )
            config.site_url = server.url
            with one_language.quiet_dirty_build():
                mkdocs_build(config, serve_url=server.url, dirty=True)

        def builder() -> None:
            with livereload.answering(server):
                self.build(build, saved_pages)
                server.root = str(self.folders.served)

        def error_page(code: int) -> bytes | None:  # MkDocs' reads its own folder's
            path = Path(server.root) / f"{code}.html"
            return path.read_bytes() if path.is_file() else None

        server.builder = builder
        server.error_handler = error_page

    def configure(self, config: MkDocsConfig) -> None:
        """This build's folder, and its language if it builds one alone: the pages saved
        since the last build are older there than their source, so the dirty build renders
        them (also one saved while the last build ran, after it read it)."""
        target = self.folders.target
        if target is not None:
            config.site_dir = str(target)
        if self.only is not None and target is not None:
            site = self.site()
            for page in self.saved_pages:
                url = site.locale(self.only).url(site.slug(page))
                output = (
                    target / url / "index.html" if url.endswith("/") or not url else target / url
                )
                with contextlib.suppress(OSError):  # a new page has no output yet
                    os.utime(output, (0, 0))
            self.build_one_language(config)

    def build(self, build: Callable[[], None], saved_pages: Callable[[], None]) -> None:
        """One rebuild: the saved pages alone if only pages of one language changed (in a
        copy of the last build); on failure, the error page. Either way the server answers
        from it when it ends."""
        self.folders.ready()
        self.only = self.one_language_edited()
        self.building, self.finished, self.error = True, False, ""
        self.rendered = set()
        try:
            (saved_pages if self.only is not None else build)()
            self.built_ok = True
        except BaseException as exc:  # noqa: BLE001 (mkdocs raises SystemExit on abort)
            self.built_ok = False
            if isinstance(exc, KeyboardInterrupt):
                raise
            assert self.folders.target is not None
            self.show_error(self.folders.target, exc)
        finally:
            self.only, self.building = None, False
            self.restore()  # also after a failed build: the next one empties the folder
            self.restore = lambda: None
        # a copy for a one-language build next (one with a placeholder is followed by all)
        self.folders.built(mirror=self.built_ok and not self.placeholders)
        if self.finished and self.placeholders:
            self.rebuild()

    def build_one_language(self, config: MkDocsConfig) -> None:
        assert self.only is not None
        log.info(
            f"Only {self.only} pages changed: building {self.only} alone, only its pages saved since "
            "the last build (SNIPPETS_SERVE_ALL_LANGUAGES=1 builds every language)"
        )
        self.restore = one_language.build_only(config, self.only)

    def post_build(self, config: MkDocsConfig) -> None:
        if self.only is not None:  # the other pages' search entries, from the last index
            rendered = self.rendered
            one_language.keep_search_entries(config, lambda at: at.split("#")[0] not in rendered)
        folder = Path(config.site_dir)
        sandbox.remove_with_me(folder)  # MkDocs' temporary site, should a SIGKILL leave it
        if self.background is not None:  # the first build is done: its snippets may start
            self.background.resume()  # (here, not only in start: MkDocs calls on_serve
            # only with live reload, and `mkdocs serve --no-livereload` must run them too)

    def failed(self, message: str) -> None:
        """The cause of this build's failure, as the build found it (its first)."""
        self.error = self.error or message

    def show_error(self, site_dir: Path, exc: BaseException) -> None:
        """Every served page (and the 404 page) becomes this build's error: no request
        waits on a build that failed, and the page reloads once a rebuild works."""
        cause = self.error or (str(exc) if not isinstance(exc, SystemExit) else "")
        cause = cause or f"{type(exc).__name__} (see the terminal)"
        log.error(f"Build failed; every page shows the error until it is fixed: {cause}")
        page = ERROR_PAGE.format(cause=html.escape(cause))
        # each page of the folder served now (the last complete build, or the last error):
        # this build's own folder may lack pages it did not get to
        served = self.folders.served
        pages = set()
        if served is not None and served != site_dir and served.is_dir():
            pages = {p.relative_to(served).as_posix() for p in served.rglob("*.html")}
        for rel in pages | {"index.html", "404.html"}:
            path = site_dir / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(page, encoding="utf-8")

    def shutdown(self) -> None:
        if self.observer is not None:
            self.observer.stop()
        self.folders.remove()
        if self.background is not None:  # Ctrl-C: no snippet outlives the server
            self.background.shutdown()

    # -- what changed ------------------------------------------------------------------

    def counts(self, path: Path) -> bool:
        """Whether a saved file makes a rebuild."""
        site = self.site()
        if path == site.root / "mkdocs.yml":
            return True
        if path.parent == site.root or pages.is_scratch(path) or generate.is_generated(site, path):
            return False  # editor files are scratch (pages.is_scratch)
        return path.is_relative_to(site.root) and not path.is_relative_to(site.notebooks)

    def watched(self) -> dict[str, float]:
        site = self.site()
        out = {}
        for folder in (site.docs, site.snippets, site.root / "tools", site.locales_dir):
            for p in folder.rglob("*"):
                if p.is_file() and self.counts(p):
                    out[str(p)] = p.stat().st_mtime
        config = site.root / "mkdocs.yml"
        out[str(config)] = config.stat().st_mtime
        return out

    def one_language_edited(self) -> str | None:
        """The written language whose pages alone changed since the last build, if no
        generated language follows it."""
        now = self.watched()
        changed = {p for p in set(now) | set(self.seen) if now.get(p) != self.seen.get(p)}
        before, self.seen = self.seen, now
        pending, self.placeholders = self.placeholders, False
        if (
            not before
            or not self.built_ok
            or pending
            or not self.folders.mirrored
            or os.environ.get("SNIPPETS_SERVE_ALL_LANGUAGES") == "1"
        ):
            return None  # every language: also when the last build showed a placeholder
        site = self.site()
        langs = {site.locale_of(p) for p in changed}
        if len(langs) != 1 or None in langs or not all(p.endswith(".md") for p in changed):
            return None
        (only,) = langs
        if only is None or only.generated or any(x.source == only.code for x in site.generated):
            return None
        self.saved_pages = [Path(p) for p in changed]
        return only.code


class _Changes(FileSystemEventHandler):
    """A saved file that counts (``ServeSession.counts``) makes the server rebuild."""

    def __init__(self, session: ServeSession) -> None:
        self.session = session

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory or event.event_type not in (
            "created",
            "modified",
            "moved",
            "deleted",
        ):
            return
        paths = [
            Path(os.fsdecode(p)) for p in (event.src_path, getattr(event, "dest_path", "")) if p
        ]
        counted = [p for p in paths if self.session.counts(p)]
        snippets = self.session.site().snippets
        for path in counted:
            if path.suffix == ".py" and path.is_relative_to(snippets):
                self.session.snippet_saved(path)
            else:
                self.session.rebuild()
