"""One build: check the site's rules, run the snippets, put their real output on the pages.

``Build`` holds what one ``mkdocs build`` (or one ``mkdocs serve`` session, with its
``tools.serve.ServeSession``) knows; ``tools/hooks.py`` hands it MkDocs' events. For
each fence whose only line includes a ``.py`` snippet, the fence gets the snippet's path
as title and the run's output under it (``tools.render``): stdout byte for byte, stderr,
figures, a caption, and a GPU recording's tab (``tools.record``). Results come from
``tools.runner`` (content-hash cache shared with pytest). A broken rule
(``tools.pages``), or a snippet that fails or breaks a limit, aborts the build with a
message naming the page and the snippet. Before any page is rendered every snippet the
pages show runs, in parallel (``mkdocs build`` waits for all; serve does not).
"""

from __future__ import annotations

import importlib.metadata
import logging
import os
import re
import secrets
import time
from collections import Counter
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from tools import generate, glue, pages, prepare_data, record, render, sync
from tools import site as site_model
from tools import workaround_one_language as one_language
from tools.environment import cpu_identity, python_version
from tools.generated_pages import Renderings
from tools.notebook_pages import NotebookPages
from tools.runner import Result, Runner, SnippetError, varies
from tools.serve import ServeSession

log = logging.getLogger("mkdocs.hooks.snippets")
REPORT_MARKER = "<!-- execution-report -->"  # the execution report's pages hold it
REPORT_SLUG = "examples/report"  # those pages (each page's stamp links there)
FIRST_PAGES = 3  # under serve, the first build waits for the home page and two chapters
_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


class Build:
    def __init__(self) -> None:
        self.mode = "build"  # the command: "serve" under `mkdocs serve`
        self.runner = Runner()
        self.site_model: site_model.Site | None = None
        self.outputs: dict[str, list[str]] = {}  # page src_uri -> HTML for its markers
        self.shows: dict[str, list[tuple[int, Path]]] = {}  # src_uri -> (marker, snippet)
        self.placeholders: set[str] = set()  # pages showing a running snippet (serve)
        self.token = secrets.token_hex(8)  # in this build's markers: no text forges one
        self.notebooks = NotebookPages()
        self.renderings = Renderings()
        self.serve: ServeSession | None = None

    def start(self, command: str) -> None:
        self.mode = command
        if command == "serve":
            self.serve = ServeSession(lambda: self.site, REPORT_SLUG)

    @property
    def site(self) -> site_model.Site:
        return self.site_model or site_model.load()

    def fail(self, message: str) -> PluginError:
        """The error that aborts the build; under serve, the error page shows it."""
        if self.serve is not None:
            self.serve.failed(message)
        return PluginError(message)

    def locale(self, page: Page) -> str:
        """The code of the page's locale (the default one for a page without a suffix)."""
        return (self.site.locale_of(page.file.src_uri) or self.site.default).code

    # -- before the pages ------------------------------------------------------------------

    def configure(self, config: MkDocsConfig) -> None:
        self.token = secrets.token_hex(8)
        if one_language.building_another_language(config):
            return  # the rules were checked, the snippets run, the files written already
        serve = self.serve
        follows = serve is not None and serve.follows  # a serve rebuild's next language
        if not follows:  # (a generated language's pages are converted from these)
            self.renderings.clear()
        if serve is not None:
            serve.configure(config)
        self.site_model = site = site_model.load(config.config_file_path)
        if self.runner.root != site.root:
            self.runner = Runner(site.root)
        self.runner.log = log.info
        dirty = serve.dirty if serve is not None and serve.only is not None else None
        if not follows:
            self.check_rules(config)
        if dirty is None:  # else a serve rebuild of some pages: a snippet they show and
            # the cache lacks is queued as its page is rendered (no example script changed)
            if prepare_data.SOURCE.is_dir() and prepare_data.prepare(site.data) is not None:
                log.debug("Fashion-MNIST prepared offline in data/")
            nav = pages.nav_order(config.nav)
            self.run_snippets(pages.first_shown(site, nav), nav)
            self.notebooks.write(site, self.notebook_result)
        self.generate(config, dirty, write=not follows)  # a plan's first language writes

    def check_rules(self, config: MkDocsConfig) -> None:
        problems = pages.site_problems(config)
        if self.serve is not None:  # a draft not on any page yet does not make a page wrong
            drafts = [p for p in problems if p.endswith(pages.ORPHAN)]
            for draft in drafts:
                log.info(f"Not on any page yet (a draft?): {draft}")
            problems = [p for p in problems if p not in drafts]
        if problems:
            raise self.fail("Site rules broken:\n  " + "\n  ".join(problems))

    def generate(self, config: MkDocsConfig, slugs: set[str] | None, write: bool) -> None:
        """The generated locales (``tools.generate``): their pages (if ``write``; only
        ``slugs`` if not None: a serve rebuild of some pages), their i18n settings, and
        jieba's dictionary with their words, so search cuts their text as the source's."""
        site = self.site
        if not site.generated:
            return
        if write:
            generate.write_pages(site, slugs)
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
                    jieba.dt.tmp_dir = str(path.parent.resolve())  # its model cache, not /tmp

    def run_snippets(self, first: dict[Path, Path], nav: list[str]) -> None:
        """Run what is not cached yet, in parallel: waiting for all (build), or not (serve).
        ``first``: each snippet with the first page showing it (``pages.first_shown``)."""
        docs = self.site.docs
        shown = {p: pages.shown_on(page.relative_to(docs).as_posix()) for p, page in first.items()}
        why = Counter(self.runner.why(p) for p in shown)
        cached = why.pop("cached", 0)
        reasons = "; ".join(f"{w}: {n}" for w, n in why.most_common())
        log.info(
            f"snippets: {cached} of {len(shown)} from the cache, valid here"
            + (f"; {len(shown) - cached} to run ({reasons})" if why else "")
        )
        if self.serve is not None:
            pages_first = {
                docs / x.page(n[:-3]) for n in nav[:FIRST_PAGES] for x in self.site.written
            }
            self.serve.run_snippets(
                self.runner, shown, [p for p in first if first[p] in pages_first]
            )
            return
        results = self.runner.run_all(list(shown), contexts=shown, progress=log.info)
        failed = [str(r) for r in results.values() if isinstance(r, SnippetError)]
        if failed:
            raise self.fail(f"{len(failed)} snippet(s) failed:\n" + "\n".join(failed))

    def result(self, path: Path, context: str) -> Result | None:
        """The snippet's result; None while it runs in the background under serve."""
        try:
            if self.serve is not None:
                return self.serve.result(self.runner, path, context)
            return self.runner.result(path, context=context)
        except SnippetError as exc:
            raise self.fail(str(exc)) from None

    def notebook_result(self, path: Path) -> Result | None:
        result = self.runner.cached(path)
        if result is None and self.serve is None:
            return self.result(path, " (made into a notebook)")
        return result

    # -- each page -------------------------------------------------------------------------

    def page_markdown(self, markdown: str, page: Page, config: MkDocsConfig) -> str:
        if self.notebooks.is_notebook(page):
            return markdown  # rendered by mkdocs-jupyter; its outputs are in the notebook
        code = self.locale(page)
        behind = {p for p, _ in sync.behind(self.runner.root)}
        if self.renderings.reuse(page, self.site, code, behind):
            return ""  # page_content puts the source page's HTML, converted
        self.placeholders.discard(page.file.src_uri)
        markdown = self.behind_notices(self.glue(markdown, page), page)
        if REPORT_MARKER in markdown:
            docs = Path(config.docs_dir).resolve()
            markdown = markdown.replace(
                REPORT_MARKER, self.report(docs, (docs / page.file.src_uri).resolve(), code)
            )
        lines = markdown.splitlines()
        outputs: list[str] = []
        self.shows[page.file.src_uri] = []
        for fence in reversed(pages.fences(markdown)):
            if fence.is_python and fence.include:
                self.fence_output(fence, page, lines, outputs)
        self.outputs[page.file.src_uri] = outputs
        self.stamp(markdown, page, lines)
        return "\n".join(lines) + "\n"

    def glue(self, markdown: str, page: Page) -> str:
        """The numbers the text takes from runs (``tools.glue``), as this build's ran."""
        src = page.file.src_uri

        def stdout(snippet: str) -> str | None:
            result = self.result(glue.snippet(self.site.snippets, snippet), pages.shown_on(src))
            if result is None and self.serve is not None:  # a number once it has run
                self.placeholders.add(src)
                self.serve.placeholders = True
            return None if result is None else result.stdout

        try:
            return glue.fill(markdown, stdout)
        except glue.GlueError as exc:
            where = (self.site.docs / src).relative_to(self.site.root)
            raise self.fail(pages.located(where, exc.line, str(exc))) from None

    def stamp(self, markdown: str, page: Page, lines: list[str]) -> None:
        """Under the page's title: when and where its blocks ran (``render.page_stamp``)."""
        shown = [
            self.site.snippets / f.include
            for f in pages.fences(markdown)
            if f.is_python and f.include
        ]
        results = [r for r in map(self.runner.cached, shown) if r is not None]
        title = next((n for n, line in enumerate(lines) if line.startswith("# ")), None)
        if not results or title is None:
            return
        recordings = [rec for rec in (record.load(self.runner.root, p) for p in shown) if rec]
        code = self.locale(page)
        report = get_relative_url(self.site.locale(code).url(REPORT_SLUG), page.url)
        stamp = render.page_stamp(results, recordings, self.site.labels(code), report)
        lines[title + 1 : title + 1] = ["", stamp, ""]

    def fence_output(
        self, fence: pages.Fence, page: Page, lines: list[str], outputs: list[str]
    ) -> None:
        """Title ``fence`` with its snippet and put markers for its output under it in
        ``lines``; their HTML goes to ``outputs``."""
        assert fence.include is not None
        problem = pages.block_problem(fence, self.site.snippets, self.runner.root)
        if problem:  # checked before the pages already; a page changed since
            raise self.fail(f"{page.file.src_uri}:{fence.lineno}: {problem}")
        path, code = self.site.snippets / fence.include, self.locale(page)
        labels = self.site.labels(code)
        result = self.result(path, pages.shown_on(page.file.src_uri))
        self.title(fence, path, lines)
        self.shows[page.file.src_uri].append((len(outputs), path))
        if result is None:  # still running under `mkdocs serve`
            assert self.serve is not None
            self.placeholders.add(page.file.src_uri)
            outputs.append(self.serve.pending_html(self.runner, path, labels))
            lines.insert(
                fence.end, f"\n{fence.indent}{render.marker(self.token, len(outputs) - 1)}\n"
            )
            return
        links = self.notebooks.links(fence.include, page, self.site, code)
        outputs.append(
            render.result_html(
                result, labels, links, bool(varies(self.runner.root / result.snippet))
            )
        )
        marker = render.marker(self.token, len(outputs) - 1)
        rec = record.load(self.runner.root, path)
        if rec is None:
            lines.insert(fence.end, f"\n{fence.indent}{marker}\n")
        else:  # content tabs: this build's output, and the one recorded on a GPU
            stale = record.is_stale(self.runner.root, rec)
            outputs.append(render.recording_html(rec, labels, stale))
            markers = (marker, render.marker(self.token, len(outputs) - 1))
            lines.insert(
                fence.end, render.gpu_tabs(fence.indent, markers, result.device, rec, labels, stale)
            )

    def title(self, fence: pages.Fence, path: Path, lines: list[str]) -> None:
        """The snippet's path as the fence's title, written once as it is (superfences
        escapes it), quoted with a quote it does not hold."""
        if "title=" not in fence.info:
            shown = path.resolve().relative_to(self.runner.root).as_posix()
            quote = "'" if '"' in shown else '"'
            lines[fence.lineno - 1] += f" title={quote}{shown}{quote}"

    def check_shown(self, content: str, page: Page) -> None:
        """Each snippet's block shows the code that runs, line for line (what Markdown
        could change is refused before: ``pages.block_problem``)."""
        for n, path in self.shows.pop(page.file.src_uri, []):
            at = content.find(f"<p>{render.marker(self.token, n)}</p>")
            shown = render.shown_code(content, at).strip("\n").split("\n")
            runs = path.read_text(encoding="utf-8").strip("\n").split("\n")
            if at >= 0 and shown != runs:
                i = next((i for i, (a, b) in enumerate(zip(shown, runs)) if a != b), len(runs))
                a, b = (x[i] if i < len(x) else "" for x in (shown, runs))
                raise self.fail(
                    f"{page.file.src_uri}: the block of {self.runner.rel(path)} shows other "
                    f"code than the one that runs (line {i + 1}: shown {a!r}, run {b!r})"
                )

    def behind_notices(self, markdown: str, page: Page) -> str:
        """A notice under each heading whose section ``tools.sync`` marks behind in this
        page's language (a generated page: its source's), linking to the same section in
        the language it is behind."""
        site = self.site
        locale = site.locale(self.locale(page))
        written = site.locale(locale.source) if locale.source else locale
        slug = site.slug(Path(page.file.abs_src_path or ""))
        behind = sync.behind(self.runner.root).items()
        marked = {a for (p, a), lang in behind if p == slug and lang == written.code}
        if not marked:
            return markdown
        lines = markdown.splitlines()
        other = (
            site.default if not written.default else next(x for x in site.written if not x.default)
        )
        for lineno, _, anchor in reversed(list(pages.headings(markdown))):
            if anchor in marked:
                url = f"{get_relative_url(other.url(slug), page.url)}#{anchor}"
                lines.insert(lineno, render.behind_notice(site.labels(locale.code), url))
        return "\n".join(lines) + "\n"

    def report(self, docs: Path, page: Path, code: str) -> str:
        """The execution report's tables (Markdown), from the results this build uses."""
        site, runner = self.site, self.runner
        showing: dict[Path, list[str]] = {}
        for md in site.pages():
            for snippet in pages.shown(site, md):
                showing.setdefault(snippet, []).append(site.slug(md))
        rows = []
        for path, slugs in showing.items():
            res = runner.cached(path)
            rec = record.load(runner.root, path)
            gpu = "none" if rec is None else ("current", "stale")[record.is_stale(runner.root, rec)]
            rel = runner.rel(path)
            source = "pending" if res is None else "built" if rel in runner.executed else "cache"
            rows.append(
                render.ReportRow(rel.removeprefix("snippets/"), tuple(slugs), res, source, gpu)
            )

        def link(slug: str) -> str:
            return f"[{slug}]({Path(os.path.relpath(docs / f'{slug}.md', page.parent)).as_posix()})"

        return render.report_markdown(rows, site.labels(code), link, time.time(), _environment())

    def page_content(self, content: str, page: Page) -> str:
        code = self.locale(page)
        converted = self.renderings.converted(page, self.site, code)
        if converted is not None:
            return converted
        if self.notebooks.is_notebook(page):
            return self.notebooks.content(content, page)
        self.check_shown(content, page)
        filled = render.put_outputs(content, self.token, self.outputs.pop(page.file.src_uri, []))
        if filled is None:
            raise self.fail(
                f"{page.file.src_uri}: output of a snippet got lost in rendering (is its fence closed?)"
            )
        content = render.output_tabs(render.diagram_boxes(filled), self.site.labels(code))
        self.renderings.remember(content, page, self.site, code)
        return content

    def post_page(self, output: str, page: Page) -> str:
        if self.serve is not None:
            self.serve.rendered.add(page.url)
        if self.notebooks.is_notebook(page):
            output = self.notebooks.page(output, page)
        if self.serve is None and page.file.src_uri in self.placeholders:
            raise self.fail(
                f"{page.file.src_uri}: a placeholder for a running snippet reached "
                f"a '{self.mode}' build; only `mkdocs serve` may show one"
            )
        # A page's language is its locale's, also where the theme lends it another's words
        # (a generated locale the theme has no translation for: tools.generate).
        # mkdocs-static-i18n points each <link rel="alternate" hreflang> at the same page in
        # the other language; Material's JS expects language roots there and fetches
        # "<link>/sitemap.xml" for each, a 404 on every page. The language switch keeps its
        # page-specific links, and sitemap.xml keeps the hreflang alternates.
        end = output.find("</head>")  # both edits are in the head: spare the page's body
        head = re.sub(
            r'<html lang="[^"]*"', f'<html lang="{self.locale(page)}"', output[:end], count=1
        )
        return _ALTERNATE.sub("", head) + output[end:]

    def post_build(self, config: MkDocsConfig) -> None:
        if self.serve is not None:
            self.serve.post_build(config)


def _environment() -> dict[str, str]:
    """What the report lists: Python, the CPU kind (vendor and AVX-512: the last digits of
    long runs depend on it) and the packages the snippets use most."""
    out = {"Python": python_version().split()[-1], "CPU": cpu_identity()}
    for dist in ("torch", "torchvision", "numpy", "matplotlib"):
        try:
            out[dist] = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            out[dist] = "—"
    return out
