"""Console ``mkdocs serve`` never keeps a reader waiting: not on a snippet, not on a rebuild.

A snippet saved as an endless loop leaves every page answering at once (its page shows a
placeholder) and its process dies as soon as the fix is saved; a page requested during a
slow rebuild comes at once, whole, from the last complete build. Save → visible times are
printed (``-s``) and held to generous limits: the machine is shared.
"""

from __future__ import annotations

import time
from pathlib import Path

from tests.project import HOOKS, OTHER, SITE, Project
from tests.test_serve import P_URL, Served, shown

Q_URL = SITE.locale(OTHER).url("q")
LOOP = (
    "import pathlib, time\n"
    "while True:  # saved by mistake: never ends\n"
    "    pathlib.Path({beat!r}).write_text(str(time.time()))\n"
    "    time.sleep(0.01)\n"
)
# A hook that makes a rebuild slow once its pages are written: it sleeps in post_build
# for as many seconds as the project's file ``slow-builds`` says, after writing ``sleeping``.
SLOW_HOOK = """\
import time
from pathlib import Path


def on_post_build(config, **kwargs):
    root = Path(config.config_file_path).parent
    if (root / "slow-builds").exists():
        (root / "sleeping").write_text("yes")
        time.sleep(float((root / "slow-builds").read_text()))
        (root / "sleeping").unlink()
"""


def alive(beat: Path) -> bool:
    """The loop still runs: it rewrites ``beat`` every 10 ms (its process id, in its own
    PID namespace, means nothing out here)."""
    before = beat.stat().st_mtime_ns
    time.sleep(0.5)
    return beat.stat().st_mtime_ns != before


def timed_get(server: Served, url: str) -> tuple[float, str]:
    start = time.monotonic()
    text = server.get(url)
    return time.monotonic() - start, text


def test_an_endless_loop_blocks_no_request_and_saving_the_fix_kills_it(tmp_path: Path) -> None:
    project = Project(tmp_path / "project")
    a = project.write("snippets/p/a.py", "print('a first')\n")
    project.write("snippets/q/b.py", "print('b')\n")
    project.pages("p", "p/a.py")
    project.pages("q", "q/b.py")
    beat = project.path / "data" / "loop.beat"  # data/: where a sandboxed snippet writes
    beat.parent.mkdir()
    server = Served(project, tmp_path / "serve.log", tmp_path / "unused", wait=2)
    try:
        server.until(P_URL, lambda t: shown(t) == ["a first\n"], 90)
        server.until(Q_URL, lambda t: shown(t) == ["b\n"], 30)
        a.write_text(LOOP.format(beat=str(beat)))
        slowest, deadline = 0.0, time.monotonic() + 60
        while time.monotonic() < deadline:  # until the page shows the loop's placeholder
            took, other = timed_get(server, Q_URL)
            slowest = max(slowest, took)
            assert shown(other) == ["b\n"], other[-800:]
            took, same = timed_get(server, P_URL)
            slowest = max(slowest, took)
            if "snippet-output--pending" in same:
                break
            assert shown(same) == ["a first\n"], same[-800:]  # the last build, meanwhile
            time.sleep(0.2)
        else:
            raise AssertionError(server.log.read_text()[-3000:])
        print(f"\nslowest request while the loop ran: {slowest:.2f} s")
        assert slowest < 2, server.log.read_text()[-3000:]
        assert beat.exists() and alive(beat)

        saved = time.monotonic()
        a.write_text("print('a fixed')\n")
        server.until(P_URL, lambda t: shown(t) == ["a fixed\n"], 30)
        print(f"fix saved → its output served: {time.monotonic() - saved:.2f} s")
        assert not alive(beat), "the abandoned endless loop still runs"
        assert "Build failed" not in server.get(P_URL)  # the killed run is no error
    finally:
        server.stop()


def test_a_page_is_answered_during_a_slow_rebuild_from_the_last_build(tmp_path: Path) -> None:
    project = Project(tmp_path / "project", hooks=[*HOOKS, "slow_hook.py"])
    project.write("slow_hook.py", SLOW_HOOK)
    project.write("snippets/p/a.py", "print('a')\n")
    project.pages("p", "p/a.py")
    server = Served(project, tmp_path / "serve.log", tmp_path / "unused")
    try:
        before = server.until(P_URL, lambda t: shown(t) == ["a\n"], 90)
        time.sleep(3)  # anything the first build started has ended
        project.write("slow-builds", "8")
        page = project.path / "docs" / SITE.locale(OTHER).page("p")
        page.write_text(page.read_text("utf-8") + "\nA new word: zebra.\n", "utf-8")
        deadline = time.monotonic() + 90  # a rebuild already running ends first
        while not (project.path / "sleeping").exists():  # the rebuild wrote its pages
            assert time.monotonic() < deadline, server.log.read_text()[-3000:]
            time.sleep(0.1)
        took, during = timed_get(server, P_URL)
        home_took, home = timed_get(server, "")
        print(f"\nduring a rebuild: the page in {took:.2f} s, home in {home_took:.2f} s")
        assert took < 2 and home_took < 2
        assert "zebra" not in during and shown(during) == ["a\n"] and "</html>" in during
        assert "</html>" in home
        assert (project.path / "sleeping").exists(), "the rebuild ended: not a test of it"
        (project.path / "slow-builds").unlink()
        after = server.until(P_URL, lambda t: "zebra" in t, 60)
        assert shown(after) == shown(before)
    finally:
        server.stop()


def test_save_to_visible_times(tmp_path: Path) -> None:
    """A snippet save and a prose save, each until the served page shows it (printed)."""
    project = Project(tmp_path / "project")
    a = project.write("snippets/p/a.py", "print('one')\n")
    project.pages("p", "p/a.py")
    server = Served(project, tmp_path / "serve.log", tmp_path / "unused")
    try:
        server.until(P_URL, lambda t: shown(t) == ["one\n"], 90)
        time.sleep(3)  # anything the first build started has ended
        saved = time.monotonic()
        a.write_text("print('two')\n")
        server.until(P_URL, lambda t: shown(t) == ["two\n"], 30)
        snippet = time.monotonic() - saved
        time.sleep(1)
        page = project.path / "docs" / SITE.locale(OTHER).page("p")
        saved = time.monotonic()
        page.write_text(page.read_text("utf-8") + "\nA new word: zebra.\n", "utf-8")
        server.until(P_URL, lambda t: "zebra" in t, 30)
        prose = time.monotonic() - saved
        print(f"\nsnippet save → output {snippet:.2f} s; prose save → page {prose:.2f} s")
        assert snippet < 15 and prose < 10  # the targets (5 s, 1.5 s) on a quiet machine
    finally:
        server.stop()
