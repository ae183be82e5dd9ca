"""Teach pytest-codeblocks (pinned 0.18.0) our pages: ``pytest --codeblocks docs/``.

A page's python fence holds one ``--8<-- "x.py"`` line (pymdownx.snippets). Stock
pytest-codeblocks would exec that line as Python and skip fences with a title
(``tools/workaround_codeblocks.py`` replaces how it collects and runs blocks). Here the
blocks are read with the build's own parser (``tools.pages``): every fence that
highlights as Python, every shell fence and every fence that includes a ``.py`` file is a
test. Each is checked with the build's own rule (``pages.block_problem``, same wording)
and its snippet run through ``tools.runner`` -- a fresh process, as ``__main__``, the same
cache as the MkDocs hook -- so a snippet runs once for both its pages and for the build.

Before the tests start, the controller runs every snippet the collected pages show, in
parallel on all cores, longest first (``Runner.run_all``), so the slow examples do not end
up alone at the end; each block's test then reads its result (or reports its failure).
"""

from __future__ import annotations

import functools
import os
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from pytest_codeblocks.main import CodeBlock

from tools import pages, workaround_codeblocks
from tools.generate import is_generated
from tools.runner import Runner, SnippetError
from tools.site import ROOT
from tools.site import load as load_site

SITE = load_site(ROOT / "mkdocs.yml")
if os.environ.get("SNIPPETS_FRESH") == "1" and "PYTEST_XDIST_WORKER" not in os.environ:
    # Every entry made before this run is a miss, in the controller and in its workers
    # (they inherit this): a snippet runs once in the run, not once per process.
    os.environ.setdefault("SNIPPETS_FRESH_SINCE", str(time.time()))
_runner = Runner(ROOT)
_summary: list[str] = []  # what the controller says at the end (pytest_terminal_summary)


class BlockError(Exception):
    """A block that cannot be run: typed code, a shell fence, a missing snippet."""


def _blocks(path: Path) -> list[CodeBlock]:
    """The blocks of a page that pytest runs, each with its problem or its snippet."""
    out = []
    for fence in pages.fences(path.read_text(encoding="utf-8")):
        runs = fence.is_python or (fence.include or "").endswith(".py")
        if not runs and fence.lang not in pages.FORBIDDEN_LANGS:
            continue
        problem = pages.block_problem(fence, SITE.snippets, ROOT)
        out.append(
            workaround_codeblocks.block(
                "\n".join(fence.body) + "\n",
                fence.lineno,
                "bash" if fence.lang in pages.FORBIDDEN_LANGS else "python",
                problem=problem,
                snippet=SITE.snippets / fence.include if fence.include and not problem else None,
            )
        )
    return out


def _run(block: Any, path: Path) -> None:
    page = path.relative_to(ROOT)
    if block.problem:
        raise BlockError(pages.located(page, block.lineno, block.problem))
    try:
        _runner.result(block.snippet, context=pages.shown_on(page, block.lineno))
    except SnippetError as exc:
        raise BlockError(str(exc)) from None


workaround_codeblocks.teach(_blocks, _run)


class RulesItem(pytest.Item):
    """A page's ``rules`` test: every rule the build applies to it, in its words
    (``pages.concerning``); the default language's page also carries the site-wide ones
    that concern it (nav, orphans in its folder). Sync status is ``tests/test_sync.py``'s
    and ``tools.check``'s."""

    def runtest(self) -> None:
        slug, rel = SITE.slug(self.path), str(self.path.relative_to(ROOT))
        found = pages.concerning(_site_problems(), SITE, slug)
        twins = [t for x in SITE.written if (t := SITE.docs / x.page(slug)).is_file()]
        if twins and twins[0] != self.path:  # another twin's test reports the shared ones
            found = [p for p in found if p.startswith(rel)]
        if found:
            raise BlockError("\n".join(found))

    def repr_failure(self, excinfo: Any, style: Any = None) -> str:
        return str(excinfo.value) if excinfo.errisinstance(BlockError) else str(excinfo.getrepr())

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"{self.path.name}: rules"


class RulesFile(pytest.File):
    def collect(self) -> list[RulesItem]:
        return [RulesItem.from_parent(self, name="rules")]


@functools.cache
def _site_problems() -> list[str]:
    """The site's rule problems, once per process."""
    return pages.written_problems(ROOT / "mkdocs.yml")


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.File | None:
    """Each written page gets a ``rules`` test beside its blocks' tests."""
    path = file_path.resolve()
    if parent.config.option.codeblocks and path in _pages_to_test(parent.config, [path]):
        return RulesFile.from_parent(parent, path=file_path)
    return None


def pytest_configure(config: pytest.Config) -> None:
    """A page named on the command line that does not exist but has a twin (both twins
    named, before the second language's page is written) is left out: its twin's
    ``rules`` test reports it missing, in the build's words, instead of pytest stopping."""
    here = Path(config.invocation_params.dir)
    keep = []
    for arg in config.args:
        path = (here / arg.split("::")[0]).resolve()
        if path.suffix == ".md" and not path.exists() and path.is_relative_to(SITE.docs):
            slug = SITE.slug(path)
            if any((SITE.docs / x.page(slug)).is_file() for x in SITE.written):
                continue
        keep.append(arg)
    config.args[:] = keep


def _pages_to_test(config: pytest.Config, paths: list[Path] | None = None) -> list[Path]:
    """The Markdown pages under the paths pytest was asked to collect."""
    args = [a.split("::")[0] for a in config.args if not a.startswith("-")]
    found: list[Path] = list(paths or [])
    for arg in [] if paths else args or config.getini("testpaths") or ["."]:
        path = (Path(config.invocation_params.dir) / arg).resolve()
        if path.is_dir():
            found += sorted(path.rglob("*.md"))
        elif path.suffix == ".md" and path.is_file():
            found.append(path)
    return [
        p
        for p in found
        if p.suffix == ".md"  # not the notebooks the build writes into docs/notebooks/
        and p.is_relative_to(SITE.docs)
        and not is_generated(SITE, p)
        and SITE.locale_of(p.name) is not None
    ]


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """A page the build generates (``tools.generate``) shows its source page's blocks, run
    there; the file may or may not exist yet, so it is never collected."""
    if collection_path.suffix == ".md" and is_generated(SITE, collection_path):
        return True
    return None


def pytest_sessionstart(session: pytest.Session) -> None:
    """Run every snippet the collected pages show, in parallel, before the tests."""
    config = session.config
    if hasattr(config, "workerinput"):
        return  # an xdist worker: the controller has done it
    # Workers inherit this: a snippet that failed is reported by each of its blocks
    # without running again.
    os.environ["SNIPPETS_SESSION"] = uuid.uuid4().hex
    _runner.session = os.environ["SNIPPETS_SESSION"]
    if not config.option.codeblocks:
        return
    snippets = {
        s: pages.shown_on(p.relative_to(ROOT))
        for p in _pages_to_test(config)
        for s in pages.shown(SITE, p)
    }
    why = {s: _runner.why(s) for s in snippets}
    missing = [s for s, w in why.items() if w != "cached"]
    reasons = Counter(w for w in why.values() if w != "cached")
    _summary.append(
        f"snippets: {len(missing)} of {len(snippets)} ran in this session"
        + (f" ({'; '.join(f'{w}: {n}' for w, n in reasons.most_common())})" if reasons else "")
        + f", {len(snippets) - len(missing)} came from cache entries valid for this environment"
        + ("" if missing == list(snippets) else " (SNIPPETS_FRESH=1 runs every one)")
    )
    if not missing:
        return
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    say = (lambda line: reporter.write_line(line)) if reporter else print
    say(
        f"running {len(missing)} snippets on {os.cpu_count()} cores before the tests "
        "(longest first; each block's test then reads its result)"
    )
    failed = [
        r
        for r in _runner.run_all(missing, contexts=snippets, progress=say).values()
        if isinstance(r, SnippetError)
    ]
    if failed:
        say(f"{len(failed)} snippet(s) failed; their blocks' tests report them")


def pytest_terminal_summary(terminalreporter: Any) -> None:
    for line in _summary:
        terminalreporter.write_line(line)


def pytest_sessionfinish(session: pytest.Session) -> None:
    if not hasattr(session.config, "workerinput") and _runner.session:
        _runner.forget_failures()
