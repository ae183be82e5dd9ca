"""Shared fixtures: the real site, built once per test run and shared by all workers, and
what the browser tests read it with (a headless Chromium, a local server, a tab)."""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from filelock import FileLock
from playwright.sync_api import Browser, sync_playwright

from tests.browser import WIDE, Reader
from tools.runner import ROOT

# The slowest tests (measured with --durations, longest first): they start first, so the
# two xdist workers, handed one test at a time (``--maxschedchunk 1``, pytest.ini), finish
# together instead of one running a long test alone at the end. Every other test keeps
# its collected order behind them.
SLOW_FIRST = (
    "tests/test_determinism.py::test_chapter_snippets_print_the_same_on_a_second_run",
    "tests/test_commands.py::test_readme_serve_command",
    "tests/test_notebooks.py::test_downloaded_script_runs",
    "tests/test_site.py::test_prepare_data_feeds_torchvision_offline",
    "tests/test_browser_pages.py::test_accessibility_has_no_serious_violations",
    "tests/test_pipeline.py::test_cache_counts_executions",
    "tests/test_executor.py::test_console_script_cold_build_with_the_fork_server",
    "tests/test_determinism.py::test_the_lane_catches_an_unseeded_snippet",
    "tests/test_environment.py::test_pytest_says_what_ran_and_fresh_runs_all",
    "tests/test_workarounds.py::test_i18n_still_turns_notebooks_into_plain_files",
    "tests/test_workarounds.py::test_jupyter_still_evicts_the_other_languages_notebooks",
    "tests/test_lint.py::test_clean[mypy]",
    "tests/test_serve.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        return next((n for n, s in enumerate(SLOW_FIRST) if item.nodeid.startswith(s)), 99)

    items.sort(key=rank)  # stable: the rest stay in collected order


def mkdocs() -> str:
    """The ``mkdocs`` console script, as users type it (not ``python -m mkdocs``)."""
    found = shutil.which("mkdocs")
    assert found, "the mkdocs console script is not on PATH (pip install -r requirements.txt)"
    return found


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``mkdocs build --strict`` of the real project, once for all xdist workers.

    The first worker to ask builds it under a lock; the others wait and read the same
    build (pytest-xdist's documented recipe). A failed build is reported to every worker.
    """
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):  # not set without xdist (-p no:xdist, -n 0)
        shared = shared.parent  # the folder all workers of this run share
    out, status = shared / "site", shared / "site-status.json"
    with FileLock(str(shared / "site.lock")):
        if not status.is_file():
            r = subprocess.run(
                [mkdocs(), "build", "--strict", "-d", str(out)],
                cwd=ROOT,
                env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
                capture_output=True,
                text=True,
                timeout=3600,
            )
            ok = r.returncode == 0 and "WARNING" not in r.stderr
            status.write_text(json.dumps({"ok": ok, "log": r.stderr[-4000:]}), "utf-8")
        built = json.loads(status.read_text("utf-8"))
    assert built["ok"], built["log"]
    return out


# Debian's Chromium by default; CHROMIUM_PATH=bundled uses Playwright's own (GitHub Actions).
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium per test worker, shared by every browser test."""
    if CHROMIUM != "bundled" and not Path(CHROMIUM).exists():
        pytest.fail("install Debian's chromium (apt-get install chromium) for browser tests")
    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=None if CHROMIUM == "bundled" else CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield b
        b.close()


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture
def reader(browser: Browser, base_url: str) -> Iterator[Reader]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    r = Reader(context, base_url)
    yield r
    context.close()


@pytest.fixture(scope="module")
def tab(browser: Browser, base_url: str) -> Iterator[Reader]:
    """One tab for every page test of a worker: the browser's cache is warm after the
    first page, as a reader's is (a fresh context per page cost 4-5 s a page)."""
    context = browser.new_context(viewport=WIDE)
    yield Reader(context, base_url)
    context.close()
