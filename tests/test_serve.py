"""``mkdocs serve`` (the console script) as an author and a reader use it.

A throwaway project is served on a free port. The first page answers at once, a snippet
still running shows a marked placeholder that the server replaces by itself, editing a
snippet shows its new output, a failing snippet shows its error in the browser without
stalling requests, and fixing it recovers.
"""

from __future__ import annotations

import html
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.project import DEFAULT, OTHER, SITE, Project

P_URL = SITE.locale(OTHER).url("p")  # the planted page, in the other language

# Runs until the test creates the file it waits for: the placeholder stays until then.
SLOW = (
    "import os, time\nwhile not os.path.exists({flag!r}):\n    time.sleep(0.1)\n"
    "print('slow output is here')\n"
)


def shown(page: str) -> list[str]:
    """The outputs a page shows under its blocks (not the code above them)."""
    return [
        html.unescape(b)
        for b in re.findall(
            r'<div class="snippet-output" data-snippet="[^"]+">\n<p[^>]*>[^<]*</p>\n'
            r'<pre><code tabindex="0"[^>]*>(.*?)</code></pre>',
            page,
            flags=re.S,
        )
    ]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Served:
    def __init__(
        self, project: Project, log: Path, flag: Path, wait: float = 10, **env: str
    ) -> None:
        self.project = project
        self.flag = flag
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log = log
        exe = shutil.which("mkdocs")
        assert exe
        self.proc = subprocess.Popen(
            [exe, "serve", "-a", f"127.0.0.1:{self.port}"],
            cwd=project.path,
            # a snippet save's rebuild waits for its run up to this: one rebuild, not two
            env=dict(project.env, SNIPPETS_SERVE_WAIT=str(wait), **env),
            stdout=subprocess.DEVNULL,
            stderr=log.open("w", encoding="utf-8"),
        )

    def get(self, path: str) -> str:
        """The page now; a request that hangs for over 5 s fails the test."""
        try:
            with urllib.request.urlopen(self.url + path, timeout=5) as r:
                return str(r.read().decode("utf-8"))
        except urllib.error.HTTPError as exc:
            return f"HTTP {exc.code}"

    def until(self, path: str, ok: Callable[[str], bool], seconds: float) -> str:
        deadline, text = time.monotonic() + seconds, ""
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, self.log.read_text()
            try:
                text = self.get(path)
            except (urllib.error.URLError, ConnectionError):
                text = ""
            if ok(text):
                return text
            time.sleep(0.3)
        raise AssertionError(
            f"{path} never got there; last:\n{text[-1500:]}\nlog:\n{self.log.read_text()[-3000:]}"
        )

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGINT)  # Ctrl-C, as an author stops it
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    project = Project(tmp_path / "project")
    project.write("snippets/p/a.py", "print('first version')\n")
    flag = tmp_path / "let-slow-finish"
    project.write("snippets/p/slow.py", SLOW.format(flag=str(flag)))
    project.pages("p", "p/a.py", "p/slow.py")
    server = Served(project, tmp_path / "serve.log", flag)
    yield server
    server.stop()
    flag.touch()  # in case a snippet is still waiting for it


def test_serve_shows_placeholders_then_real_output_edits_and_errors(served: Served) -> None:
    page = served.until(P_URL, lambda t: shown(t) == ["first version\n"], 60)
    assert "snippet-output--pending" in page and "first run" in page  # slow.py still runs
    served.flag.touch()
    served.until(
        P_URL,
        lambda t: shown(t)
        == [
            "first version\n",  # no edit: it rebuilt
            "slow output is here\n",
        ],
        30,
    )
    a = served.project.path / "snippets/p/a.py"
    a.write_text("print('second version')\n")
    served.until(P_URL, lambda t: shown(t)[:1] == ["second version\n"], 30)

    a.write_text("raise ValueError('broken on purpose')\n")
    error = served.until(P_URL, lambda t: "Build failed" in t, 30)
    assert "snippets/p/a.py" in error and "ValueError: broken on purpose" in error
    assert "Build failed" in served.get("")  # every page says so, and answers at once

    a.write_text("print('fixed')\n")
    served.until(P_URL, lambda t: shown(t)[:1] == ["fixed\n"], 30)

    # A broken rule later: the browser names the page and the rule, not the old traceback.
    page = served.project.path / "docs" / SITE.locale(OTHER).page("p")
    good = page.read_text(encoding="utf-8")
    page.write_text(good + "\n## No anchor here\n", encoding="utf-8")
    error = served.until(P_URL, lambda t: "Build failed" in t, 30)
    assert f"docs/{SITE.locale(OTHER).page('p')}" in error and "No anchor here" in error, error
    assert "broken on purpose" not in error and "Abort" not in error
    page.write_text(good, encoding="utf-8")
    served.until(P_URL, lambda t: shown(t)[:1] == ["fixed\n"], 30)

    # A draft no page includes yet is a note in the log, not a broken site (build: error).
    (served.project.path / "snippets/p/draft.py").write_text("print('soon')\n")
    served.until(
        "",
        lambda t: "Build failed" not in t
        and t.count("draft.py") == 0
        and "Not on any page yet" in served.log.read_text(encoding="utf-8"),
        30,
    )
    assert "Build failed" not in served.get(P_URL)
    log = served.log.read_text(encoding="utf-8")
    assert "will appear stuck" not in log


def test_browser_sees_the_placeholder_replaced_without_reloading(
    served: Served, browser: Browser
) -> None:
    # a.py's output is in (snippets start once the first build is served), slow.py runs
    served.until(P_URL, lambda t: shown(t) == ["first version\n"] and "--pending" in t, 60)
    tab = browser.new_page()
    try:
        tab.goto(served.url + P_URL)
        assert tab.locator(".snippet-output--pending").count() == 1
        served.flag.touch()
        # mkdocs serve's livereload script reloads the tab when the rebuild is done
        tab.locator(".snippet-output pre", has_text="slow output is here").wait_for(timeout=30_000)
        assert tab.locator(".snippet-output--pending").count() == 0
    finally:
        tab.close()


def test_stopping_the_server_stops_its_snippets(tmp_path: Path) -> None:
    project = Project(tmp_path / "project")
    started = project.path / "data" / "started"  # data/: writable for snippets
    snippet = project.write(
        "snippets/p/forever.py",
        "import pathlib, time\npathlib.Path('data/started').touch()\ntime.sleep(600)\n",
    )
    project.pages("p", "p/forever.py")
    server = Served(project, tmp_path / "serve.log", tmp_path / "unused")
    try:
        server.until(P_URL, lambda t: "snippet-output--pending" in t, 60)
        deadline = time.monotonic() + 30
        while not started.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert started.exists(), "the snippet never started"
    finally:
        server.stop()
    server.proc.wait(20)
    time.sleep(1)
    # its pid is 1 in its own PID namespace: found by its command line (no fork server)
    alive = []
    for proc in Path("/proc").iterdir():
        try:
            if str(snippet).encode() in (proc / "cmdline").read_bytes():
                alive.append(proc.name)
        except OSError:
            continue
    assert not alive, "a snippet kept running after mkdocs serve was stopped"


def test_saving_one_language_rebuilds_it_alone(tmp_path: Path) -> None:
    """Under serve, a page saved in one written language rebuilds that language only;
    the other languages' pages and their search entries stay served."""
    project = Project(tmp_path / "project", search=True)
    project.write("snippets/p/a.py", "print('a')\n")
    project.pages("p", "p/a.py")
    server = Served(project, tmp_path / "serve.log", tmp_path / "unused")
    try:
        default_url = SITE.locale(DEFAULT).url("p")
        for url in (default_url, P_URL):  # no placeholder left (that rebuilds every language)
            server.until(url, lambda t: shown(t) == ["a\n"], 60)
        server.until("search/search_index.json", lambda t: '"location"' in t, 30)
        page = project.path / "docs" / SITE.locale(OTHER).page("p")
        page.write_text(page.read_text("utf-8") + "\nA new word: zebra.\n", "utf-8")
        server.until(P_URL, lambda t: "zebra" in t, 30)
        assert f"Rebuilding 1 page(s) in {OTHER}: p (" in server.log.read_text()
        got = server.get(default_url)
        assert shown(got) == ["a\n"], got[got.find("snippet-output") - 200 :][:900]  # still served
        index = server.get("search/search_index.json")
        assert "zebra" in index and f'"location": "{default_url}' in index.replace(
            '"location":"', '"location": "'
        )
    finally:
        server.stop()


def builds(server: Served) -> int:
    return server.log.read_text(encoding="utf-8").count("Building documentation...")


def reloads(server: Served) -> int:
    return server.log.read_text(encoding="utf-8").count("Reloading browsers")


def test_one_save_one_rebuild_and_editor_files_none(tmp_path: Path) -> None:
    """A snippet save rebuilds once (its run ends within the build: no second one) and
    reloads the browser once;
    editor files trigger nothing; a save under locales/ rebuilds."""
    project = Project(tmp_path / "project")
    a = project.write("snippets/p/a.py", "print('a')\n")
    project.pages("p", "p/a.py")
    server = Served(project, tmp_path / "serve.log", tmp_path / "unused")
    try:
        server.until(P_URL, lambda t: shown(t) == ["a\n"], 60)
        time.sleep(5)  # anything the first build started has ended
        before, reloaded = builds(server), reloads(server)
        docs_page = project.path / "docs" / SITE.locale(OTHER).page("p")
        for scratch in (
            a.parent / ".a.py.swp",
            a.parent / "a.py~",
            docs_page.parent / f"#{docs_page.name}#",
            docs_page.parent / f".#{docs_page.name}",
            docs_page.parent / f".{docs_page.name}.swp",
        ):
            scratch.write_text("editor litter\n")
        time.sleep(4)
        assert builds(server) == before, server.log.read_text()[-2000:]
        a.write_text("print('b')\n")
        server.until(P_URL, lambda t: shown(t) == ["b\n"], 30)
        time.sleep(6)  # a second rebuild would come within 3 s of the run's end
        assert builds(server) == before + 1, server.log.read_text()[-3000:]
        # and the browser reloads once: MkDocs' own watcher (mkdocs.yml's `watch:`) must not
        # see snippets/ too, or its empty second pass reloads the page again
        assert reloads(server) == reloaded + 1, server.log.read_text()[-3000:]
        # its page and the report, in every language; the default language's page too
        every = ", ".join(x.code for x in SITE.written)
        assert f"Rebuilding 2 page(s) in {every}: examples/report, p (" in server.log.read_text()
        assert shown(server.get(SITE.default.url("p"))) == ["b\n"]
        locale_file = project.path / "locales" / f"{OTHER}.yml"
        locale_file.write_text(locale_file.read_text("utf-8") + "\n# edited\n", "utf-8")
        deadline = time.monotonic() + 30
        while builds(server) == before + 1 and time.monotonic() < deadline:
            time.sleep(0.3)
        assert builds(server) == before + 2, "a save under locales/ did not rebuild"
    finally:
        server.stop()


def test_generated_language_follows_its_source_page(tmp_path: Path) -> None:
    project = Project(tmp_path / "project", generated=True)
    project.write("snippets/p/a.py", "print('a')\n")
    project.pages("p", "p/a.py")
    generated = SITE.generated[0]  # the real site has one (繁體中文)
    source = SITE.locale(generated.source or DEFAULT)
    url = generated.url("p")
    server = Served(project, tmp_path / "serve.log", tmp_path / "unused")
    try:
        server.until(url, lambda t: shown(t) == ["a\n"], 90)
        time.sleep(5)  # anything the first build started has ended
        before = builds(server)
        page = project.path / "docs" / source.page("p")
        page.write_text(page.read_text("utf-8") + "\n这是一匹斑马。\n", "utf-8")
        server.until(source.url("p"), lambda t: "斑马" in t, 30)
        assert "斑馬" in server.get(url)  # converted by the same rebuild, not a later one
        assert builds(server) == before + 1, server.log.read_text()[-3000:]
        # that page alone, in its language and the one generated from it
        assert (
            f"Rebuilding 1 page(s) in {source.code}, {generated.code}: p ("
            in server.log.read_text()
        )
    finally:
        server.stop()


def test_a_slow_snippet_save_shows_its_output_from_a_second_dirty_rebuild(tmp_path: Path) -> None:
    """A saved snippet that outlasts ``SNIPPETS_SERVE_WAIT`` shows its placeholder; when
    it ends, its pages are rebuilt again, still alone (not every page)."""
    project = Project(tmp_path / "project")
    a = project.write("snippets/p/a.py", "print('a')\n")
    project.write("snippets/q/b.py", "print('b')\n")
    project.pages("p", "p/a.py")
    project.pages("q", "q/b.py")
    flag = tmp_path / "let-slow-finish"
    server = Served(project, tmp_path / "serve.log", flag, wait=1)
    try:
        server.until(P_URL, lambda t: shown(t) == ["a\n"], 60)
        time.sleep(5)  # anything the first build started has ended
        a.write_text(SLOW.format(flag=str(flag)))
        server.until(P_URL, lambda t: "snippet-output--pending" in t, 30)
        flag.touch()
        server.until(P_URL, lambda t: shown(t) == ["slow output is here\n"], 30)
        time.sleep(2)
        log = server.log.read_text(encoding="utf-8")
        after = log[log.index("Rebuilding 2 page(s)") :]
        assert after.count("Rebuilding 2 page(s)") == 2, after  # p and the report, twice
        assert "Rebuilding every page" not in after, after
    finally:
        server.stop()
        flag.touch()


def test_a_number_quoted_from_a_run_still_going_follows_when_it_ends(tmp_path: Path) -> None:
    """A page whose text quotes a run's output (``tools.glue``) shows … while the run goes
    on, then the number, with no save: the page is rebuilt as the run ends."""
    project = Project(tmp_path / "project")
    flag = tmp_path / "let-slow-finish"
    slow = SLOW.format(flag=str(flag)).replace("slow output is here", "answer 42")
    project.write("snippets/p/slow.py", slow)
    project.pages("p", "p/slow.py")
    quote = 'the answer is {{ output("p/slow.py", "answer {}") }}.'
    for x in SITE.written:
        title = "问 { #q }" if x.code == DEFAULT else "Q { #q }"
        project.write(f"docs/{x.page('q')}", f"# {title}\n\n{quote}\n")
    server = Served(project, tmp_path / "serve.log", flag)
    try:
        q = SITE.locale(OTHER).url("q")
        server.until(q, lambda t: "<p>the answer is …." in t, 60)
        flag.touch()
        server.until(q, lambda t: "<p>the answer is 42.</p>" in t, 30)
    finally:
        server.stop()
        flag.touch()
