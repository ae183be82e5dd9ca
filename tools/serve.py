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

A save of pages or snippets rebuilds only the pages it changes (``tools.serve_saves``): a saved
page in its language and in the languages generated from it; a saved snippet's pages
and the execution report in every language. Each language is a dirty build of its own
(MkDocs' public ``dirty=True``, in a copy of the last build), one after the other; the
other pages keep their output and search entries (``tools.workaround_one_language``).
Anything else (``mkdocs.yml``, ``locales/``, ``tools/``, ``sync.lock.json``, an example script made
into a notebook, a deleted file) rebuilds every page; ``SNIPPETS_SERVE_ALL_LANGUAGES=1``
always does.
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

from tools import render, sandbox
from tools import site as site_model
from tools import workaround_livereload as livereload
from tools import workaround_one_language as one_language
from tools.runner import Background, Result, Runner, env_number
from tools.serve_folders import Folders
from tools.serve_saves import Saves

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

    def __init__(self, site: Callable[[], site_model.Site], report: str) -> None:
        self.site = site  # the site model of the latest build
        self.background: Background | None = None
        self.saves = Saves(site, report)  # what changed since the last build
        self.server: LiveReloadServer | None = None  # serving: rebuild() wakes it
        self.plan: list[str] = []  # the languages this rebuild builds dirty, in order
        self.only: str | None = None  # the one of them being built now
        self.follows = False  # ``only`` is not the plan's first language
        self.dirty: set[str] = set()  # the slugs of the pages the plan renders again
        self.repeat: tuple[list[str], set[str]] | None = None  # a dirty build's plan that
        # showed a placeholder: the rebuild when its snippet ends
        self.placeholders = False  # this (or the last) build showed a placeholder
        self.finished = False  # a snippet ended while a build ran (or before serving)
        self.building = False
        self.serving = False  # start() ran: rebuild() reaches the server
        self.built_ok = True
        self.error = ""  # this build's error, as the build reported it
        self.restore: Callable[[], None] = lambda: None
        self.observer: Any = None
        self.runner: Runner | None = None
        self.contexts: dict[Path, str] = {}  # each shown snippet -> the page showing it
        self.saved: set[Path] = set()  # snippets saved, whose runs a rebuild waits for
        self.lock = threading.Lock()
        self.folders = Folders()
        self.rendered: set[str] = set()  # the URLs of the pages this build rendered

    # -- snippets ----------------------------------------------------------------------

    def run_snippets(self, runner: Runner, shown: dict[Path, str], first: list[Path]) -> None:
        """Queue what is not cached, in page order (``first``, the first pages' snippets,
        first); no build waits for them."""
        if self.background is None or self.background.runner is not runner:
            runner.nice = 10  # the server's builds come first; snippets take the rest
            # the first build (before the server starts) runs alone: snippets start after it
            self.background = Background(runner, self.snippet_finished, paused=not self.server)
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
        with self.lock:  # start() reads it too: a run that ends as the server starts counts
            if self.building or not self.serving:
                self.finished = True
                return
        if self.placeholders:
            self.rebuild()

    def rebuild(self) -> None:
        if self.server is not None:
            livereload.rebuild_soon(self.server)

    # -- the server --------------------------------------------------------------------

    def start(self, server: LiveReloadServer, config: MkDocsConfig) -> None:
        """Watch what makes a rebuild, wrap the server's builder (after the first build)."""
        site = self.site()
        self.server = server
        for path in (config.docs_dir, config.config_file_path):  # MkDocs' watches: any file
            with contextlib.suppress(KeyError):  # not watched: nothing to undo
                server.unwatch(path)
        # An empty folder, watched only because MkDocs puts its live-reload script into
        # pages while it watches some path; rebuilds are asked for directly (rebuild()).
        quiet = site.cache / "serve"
        quiet.mkdir(parents=True, exist_ok=True)
        server.watch(str(quiet))
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
        self.saves.changed()  # from now on
        self.saves.all_shown()
        if "jieba" in sys.modules:  # search cuts an edited page's Chinese: load its words now,
            # not on the first save (about 1 s with the generated locales' dictionary)
            threading.Thread(target=sys.modules["jieba"].initialize, daemon=True).start()
        with self.lock:
            self.serving = True
            late, self.finished = self.finished and self.placeholders, False
        if late:  # a snippet ended during the first build, or since
            threading.Timer(2.0, self.rebuild).start()  # the server's loop runs once this returns

    def serve_from_folders(self, server: LiveReloadServer, first: MkDocsConfig) -> None:
        """Rebuilds go to the folder not served; requests are answered meanwhile."""
        self.folders.start(Path(server.root), mirror=not self.placeholders)
        if self.folders.made is not None:
            sandbox.remove_with_me(self.folders.made)
        build = server.builder

        def dirty_build() -> None:  # the pages self.dirty, in each language of self.plan
            log.info("Building documentation...")
            log.info(
                f"Rebuilding {len(self.dirty)} page(s) in {', '.join(self.plan)}: "
                f"{', '.join(sorted(self.dirty))} (SNIPPETS_SERVE_ALL_LANGUAGES=1 rebuilds all)"
            )
            for n, code in enumerate(self.plan):
                self.only, self.follows, self.rendered = code, n > 0, set()
                config = load_config(
                    config_file=first.config_file_path,
                    site_dir=str(self.folders.target),
                    strict=first.strict,
                    use_directory_urls=first.use_directory_urls,
                )
                config.site_url = server.url
                try:
                    with one_language.quiet_dirty_build():
                        mkdocs_build(config, serve_url=server.url, dirty=True)
                finally:
                    self.restore()
                    self.restore = lambda: None

        def builder() -> None:
            with livereload.answering(server):
                self.build(build, dirty_build)
                server.root = str(self.folders.served)

        def error_page(code: int) -> bytes | None:  # MkDocs' reads its own folder's
            path = Path(server.root) / f"{code}.html"
            return path.read_bytes() if path.is_file() else None

        server.builder = builder
        server.error_handler = error_page

    def configure(self, config: MkDocsConfig) -> None:
        """This build's folder, and its language if it builds some pages alone: their
        output is made older than their source, so the dirty build renders them (also a
        page saved while the last build ran, after it read it)."""
        target = self.folders.target
        if target is not None:
            config.site_dir = str(target)
        if self.only is not None and target is not None:
            locale = self.site().locale(self.only)
            for slug in self.dirty:
                url = locale.url(slug)
                output = target / url / "index.html"
                with contextlib.suppress(OSError):  # a new page has no output yet
                    os.utime(output, (0, 0))
            self.restore = one_language.build_only(config, self.only)

    def build(self, build: Callable[[], None], dirty_build: Callable[[], None]) -> None:
        """One rebuild: the pages a save changed, if that is all (``dirty_plan``), in a
        copy of the last build; on failure, the error page. Either way the server answers
        from it when it ends."""
        self.folders.ready()
        plan = self.dirty_plan()
        if plan == ([], set()):  # nothing changed since the last build (a repeated event)
            return
        self.plan, self.dirty = plan if plan is not None else ([], set())
        self.building, self.finished, self.error = True, False, ""
        self.rendered = set()
        try:
            (dirty_build if self.plan else build)()
            self.built_ok = True
        except BaseException as exc:  # noqa: BLE001 (mkdocs raises SystemExit on abort)
            self.built_ok = False
            if isinstance(exc, KeyboardInterrupt):
                raise
            assert self.folders.target is not None
            self.show_error(self.folders.target, exc)
        finally:
            self.only, self.follows, self.building = None, False, False
            self.restore()  # also after a failed build: the next one empties the folder
            self.restore = lambda: None
        # a dirty build that showed a placeholder is built again when its snippets end
        self.repeat = (self.plan, self.dirty) if self.plan and self.placeholders else None
        # a copy for a dirty build next (not if a full one follows: a placeholder's)
        self.folders.built(
            mirror=self.built_ok and (not self.placeholders or self.repeat is not None)
        )
        if self.finished and self.placeholders:
            self.rebuild()

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

    def dirty_plan(self) -> tuple[list[str], set[str]] | None:
        """The languages a rebuild builds dirty, in order, and the slugs of the pages it
        renders again in each (``Saves.plan``); None: every page of every language."""
        pending, self.placeholders = self.placeholders, False
        changed = self.saves.changed()
        plan, why = None, ""
        if changed is None or not self.built_ok:
            why = "the last build failed" if changed is not None else ""
        elif not self.folders.mirrored:
            why = "no copy of the last build"
        elif os.environ.get("SNIPPETS_SERVE_ALL_LANGUAGES") == "1":
            why = "SNIPPETS_SERVE_ALL_LANGUAGES=1"
        elif pending:  # the snippets a dirty build showed as placeholders have ended
            plan = self.repeat if not changed else None
            why = "a placeholder's snippet ended" if plan is None else ""
        else:
            plan = self.saves.plan(changed)
            if plan is None:
                names = sorted(p.relative_to(self.site().root).as_posix() for p in changed)
                why = f"changed: {', '.join(names[:3])}{' …' if len(names) > 3 else ''}"
        if plan is None:
            if why:
                log.info(f"Rebuilding every page ({why})")
            self.saves.all_shown()
        return plan


class _Changes(FileSystemEventHandler):
    """A saved file that counts (``Saves.counts``) makes the server rebuild."""

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
        counted = [p for p in paths if self.session.saves.counts(p)]
        snippets = self.session.site().snippets
        for path in counted:
            if path.suffix == ".py" and path.is_relative_to(snippets):
                self.session.snippet_saved(path)
            else:
                self.session.rebuild()
