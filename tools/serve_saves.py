"""What a ``mkdocs serve`` rebuild must render again after a save (``tools.serve``).

The files that count (pages, snippets, ``locales/``, ``tools/``, ``mkdocs.yml``,
``sync.lock.json``; never editor files, generated pages or notebooks), their times at the
last build, and what each written page shows. ``plan`` turns saved pages and snippets into
the languages a dirty rebuild builds and the pages it renders again in each: a saved page
in its language and in those generated from it; a saved snippet's pages (those showing
it, and those whose text quotes its output: ``tools.glue``), and the execution report,
in every language (the report also when a page's blocks changed).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from tools import generate, glue, notebooks, pages, sync
from tools import site as site_model

Plan = tuple[list[str], set[str]]  # languages in build order, the slugs of the pages


class Saves:
    def __init__(self, site: Callable[[], site_model.Site], report: str) -> None:
        self.site = site  # the site model of the latest build
        self.report = report  # the execution report's slug
        self.seen: dict[str, float] = {}  # watched file -> mtime at the last build
        self.shows: dict[Path, set[Path]] = {}  # each written page -> the snippets it shows
        self.quotes: dict[Path, set[Path]] = {}  # each written page -> the outputs it quotes

    def counts(self, path: Path) -> bool:
        """Whether a saved file makes a rebuild."""
        site = self.site()
        if path in (site.root / "mkdocs.yml", site.root / sync.LOCK):  # LOCK: behind notices
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
        for config in (site.root / "mkdocs.yml", site.root / sync.LOCK):
            with contextlib.suppress(OSError):
                out[str(config)] = config.stat().st_mtime
        return out

    def changed(self) -> set[Path] | None:
        """The files changed since the last call (None on the first)."""
        now = self.watched()
        changed = {Path(p) for p in set(now) | set(self.seen) if now.get(p) != self.seen.get(p)}
        before, self.seen = self.seen, now
        return changed if before else None

    def all_shown(self) -> None:
        """Every page is built: what each shows, as this build reads it."""
        site = self.site()
        self.shows = {p: set(pages.shown(site, p)) for x in site.written for p in site.pages(x)}
        self.quotes = {p: quoted(site, p) for p in self.shows}

    def plan(self, changed: set[Path]) -> Plan | None:
        """What a dirty rebuild renders again if saved pages and snippets are all that
        changed; None: every page of every language."""
        site = self.site()
        langs: set[str] = set()
        slugs: set[str] = set()
        snippets = {p for p in changed if p.suffix == ".py" and p.is_relative_to(site.snippets)}
        for path in changed - snippets:
            locale = site.locale_of(path.name)
            if path.suffix != ".md" or locale is None or locale.generated or not path.is_file():
                return None  # not a page, or one deleted
            langs.add(locale.code)
            slugs.add(site.slug(path))
            shown = set(pages.shown(site, path))
            if shown != self.shows.get(path):
                slugs.add(self.report)  # its table lists which pages show a snippet
                langs.update(x.code for x in site.written)
            self.shows[path], self.quotes[path] = shown, quoted(site, path)
        if snippets:
            if any(not p.is_file() or notebooks.is_notebook_source(p) for p in snippets):
                return None  # a deleted snippet, or one made into a notebook
            saved = {p.resolve() for p in snippets}
            langs.update(x.code for x in site.written)
            slugs.add(self.report)
            uses = {p: self.shows[p] | self.quotes.get(p, set()) for p in self.shows}
            slugs.update(site.slug(page) for page, used in uses.items() if used & saved)
        written = [x.code for x in site.written if x.code in langs]
        generated = [x.code for x in site.generated if x.source in langs]
        return written + generated, slugs


def quoted(site: site_model.Site, page: Path) -> set[Path]:
    """The snippets whose output the text of ``page`` quotes (``tools.glue``)."""
    text = page.read_text(encoding="utf-8")
    return {(site.snippets / name).resolve() for name in glue.snippets(text)}
