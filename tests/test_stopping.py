"""Stops stop: Ctrl-C (SIGINT), SIGTERM and SIGKILL of ``mkdocs build``, ``mkdocs serve``
and ``pytest`` end every snippet process within 2 s, a grandchild in a session of its own
too, and leave no temporary folder, lock or fork server (after a SIGKILL: once the next
start has cleaned up). On a throwaway project, with a snippet that would run a minute.

``tests/killing.py`` runs each command under a child subreaper, so nothing it started can
hide from the count by changing session or parent.
"""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.project import Project
from tests.test_serve import free_port
from tools.runner import ROOT

SLOW = """\
import pathlib, subprocess, sys, time

subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"], start_new_session=True)
pathlib.Path("data/started").touch()
time.sleep(60)
print("done")
"""
COMMANDS = {
    "build": ["mkdocs", "build"],
    "serve": ["mkdocs", "serve", "--no-livereload", "-a"],
    "pytest": ["pytest", "--codeblocks", "docs/", "-p", "no:cacheprovider"],
    "pytest-xdist": ["pytest", "--codeblocks", "docs/", "-p", "no:cacheprovider", "-n", "2"],
}


def stop(tmp_path: Path, command: str, signum: int, forkserver: str = "0") -> Path:
    """Run ``command`` on a project with the slow snippet, send ``signum`` once the
    snippet runs; assert nothing is left running. Returns the project's path."""
    project = Project(tmp_path / "proj")
    project.write("snippets/p/slow.py", SLOW)
    project.pages("p", "p/slow.py")
    (project.path / "data").mkdir()
    tmp = Path(tempfile.mkdtemp(prefix="stop-"))  # short: it holds the fork server's socket
    try:
        return _stop(project, tmp, command, signum, forkserver)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _stop(project: Project, tmp: Path, command: str, signum: int, forkserver: str) -> Path:
    cmd = list(COMMANDS[command]) + ([f"127.0.0.1:{free_port()}"] if command == "serve" else [])
    cmd[0] = str(Path(sys.executable).parent / cmd[0])
    env = dict(project.env, TMPDIR=str(tmp), SNIPPETS_FORKSERVER=forkserver)
    spec = {
        "cmd": cmd,
        "cwd": str(project.path),
        "env": env,
        "started": str(project.path / "data" / "started"),
        "signal": signum,
    }
    r = subprocess.run(
        [sys.executable, "-m", "tests.killing", json.dumps(spec)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr[-3000:]
    report = json.loads(r.stdout)
    assert report["started"], (
        f"the snippet never started under {command}: {report['stderr'][-3000:]}"
    )
    assert not report["left"], f"alive 2 s after {signum} to {command}: {report['left']}"
    assert report["ended"], f"{command} did not end within 20 s of signal {signum}"
    if signum == signal.SIGKILL:  # the next start cleans what it could not
        r = project.runner("--why", TMPDIR=str(tmp))
        assert r.returncode == 0, r.stderr
    left = sorted(p.name for p in tmp.iterdir())  # MkDocs' own site folder under serve too
    assert not left, f"left in the temporary directory: {left}"
    locks = list((project.path / ".cache" / "snippets").glob("*.lock"))
    assert not locks, f"locks left: {locks}"
    return project.path


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL])
def test_a_stopped_command_leaves_nothing(tmp_path: Path, command: str, signum: int) -> None:
    stop(tmp_path, command, signum)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGKILL])
def test_a_stopped_build_leaves_no_fork_server(tmp_path: Path, signum: int) -> None:
    """With the fork server (the default): it, and its snippets, end with the build."""
    stop(tmp_path, "build", signum, forkserver="1")
