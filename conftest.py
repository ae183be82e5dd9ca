"""Teach pytest-codeblocks (pinned 0.18.0) our pages: ``pytest --codeblocks docs/``.

A page's python fence holds one ``--8<-- "x.py"`` line (pymdownx.snippets). Stock
pytest-codeblocks would exec that line as Python and skip fences with a title. Here the
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

import os
import uuid
from pathlib import Path
from typing import Any

import pytest
import pytest_codeblocks.plugin as pcb
from pytest_codeblocks.main import CodeBlock

from tools import pages
from tools.generate import is_generated
from tools.runner import Runner, SnippetError
from tools.site import load as load_site

ROOT = Path(__file__).resolve().parent
SITE = load_site(ROOT / "mkdocs.yml")
SNIPPETS = SITE.snippets
_runner = Runner(ROOT)


class BlockError(Exception):
    """A block that cannot be run: typed code, a shell fence, a missing snippet."""


def _blocks(path: Path) -> list[CodeBlock]:
    """The blocks of a page that pytest runs, as pytest-codeblocks' ``CodeBlock``."""
    out = []
    for fence in pages.fences(path.read_text(encoding="utf-8")):
        runs = fence.is_python or (fence.include or "").endswith(".py")
        if not runs and fence.lang not in pages.FORBIDDEN_LANGS:
            continue
        block = CodeBlock(
            "\n".join(fence.body) + "\n",
            fence.lineno,
            "bash" if fence.lang in pages.FORBIDDEN_LANGS else "python",
        )
        block.problem = pages.block_problem(fence, SNIPPETS, ROOT)  # type: ignore[attr-defined]
        block.snippet = (
            SNIPPETS / fence.include  # type: ignore[attr-defined]
            if fence.include and not block.problem
            else None
        )
        out.append(block)
    return out


def _extract_from_file(path: Path | str, *args: Any, **kwargs: Any) -> list[CodeBlock]:
    return _blocks(Path(path))


def _runtest(self: pcb.TestBlock) -> None:
    b, page = self.obj, Path(self.path).resolve().relative_to(ROOT)
    if b.problem:
        raise BlockError(pages.located(page, b.lineno, b.problem))
    try:
        _runner.result(b.snippet, context=f" (shown on page {page}:{b.lineno})")
    except SnippetError as exc:
        raise BlockError(str(exc)) from None


pcb.extract_from_file = _extract_from_file
pcb.TestBlock.runtest = _runtest


def _pages_to_test(config: pytest.Config) -> list[Path]:
    """The Markdown pages under the paths pytest was asked to collect."""
    args = [a.split("::")[0] for a in config.args if not a.startswith("-")]
    found: list[Path] = []
    for arg in args or config.getini("testpaths") or ["."]:
        path = (Path(config.invocation_params.dir) / arg).resolve()
        if path.is_dir():
            found += sorted(path.rglob("*.md"))
        elif path.suffix == ".md":
            found.append(path)
    return [p for p in found if p.is_relative_to(SITE.docs) and not is_generated(SITE, p)]


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
        b.snippet.resolve(): f" (shown on page {p.relative_to(ROOT)})"
        for p in _pages_to_test(config)
        for b in _blocks(p)
        if b.snippet is not None
    }
    missing = [s for s in snippets if _runner.cached(s) is None]
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


def pytest_sessionfinish(session: pytest.Session) -> None:
    if not hasattr(session.config, "workerinput") and _runner.session:
        _runner.forget_failures()
