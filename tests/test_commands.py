"""Every command README.md and CONTRIBUTING.md tell a user to type is run by CI as written.

Each documented command must be listed in ``COVERED`` with what runs it; a new command in
those files fails ``test_every_documented_command_is_exercised`` until it is. The cheap ones
run here, on the real project, as console scripts.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

import pytest

from tests.project import DEFAULT, OTHER
from tests.test_serve import free_port, shown
from tools.runner import ROOT, Runner

# command (as documented, comment stripped) -> what runs it
COVERED = {
    "pip install -r requirements.txt && mkdocs serve": "test_readme_serve_command (warm), tests/test_serve.py (cold, throwaway project)",
    "pip install -r requirements.txt && python -m tools.prepare_data && pytest": ".ci/run, exactly",
    "python -m tools.runner snippets/autograd/retain_grad.py": "test_runner_command",
    "mkdocs serve": "test_readme_serve_command, tests/test_serve.py",
    f"pytest -n0 docs/autograd.{DEFAULT}.md docs/autograd.{OTHER}.md": "test_one_page_of_blocks",
    "pytest": ".ci/run",
    "python -m tools.check tensors": "test_check_command",
    "python -m tools.sync": "test_sync_command",
}


# benchmarks the docs show, which CI does not run (they take minutes and, for Lighthouse,
# npm): each names a script under bench/ that exists
BENCHMARKS = {
    "mkdocs build && python bench/lighthouse.py": "Lighthouse on 15 pages, 3 runs each",
    "python bench/lighthouse.py --pages tensors --langs en --runs 1": "one quick Lighthouse run",
    "LIGHTHOUSE_DIR=/path/with/node_modules python bench/lighthouse.py": "an installed Lighthouse",
}


def documented() -> list[str]:
    commands = []
    for doc in ("README.md", "CONTRIBUTING.md"):
        text = (ROOT / doc).read_text(encoding="utf-8")
        for block in re.findall(r"```console\n(.*?)```", text, flags=re.S):
            for line in block.splitlines():
                if line.startswith("$ "):
                    commands.append(line[2:].split("  #")[0].strip())
    return commands


def test_every_documented_command_is_exercised() -> None:
    missing = sorted(set(documented()) - set(COVERED) - set(BENCHMARKS))
    assert not missing, f"documented commands no test runs: {missing}"
    for command in BENCHMARKS:
        scripts = re.findall(r"\bbench/\w+\.py\b", command)
        assert scripts and all((ROOT / s).is_file() for s in scripts), command
    assert set(BENCHMARKS) <= set(documented()), "a benchmark the docs no longer show"


def test_runner_command() -> None:
    snippet = "snippets/autograd/retain_grad.py"
    r = subprocess.run(
        [sys.executable, "-m", "tools.runner", snippet],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    result = Runner(ROOT).result(ROOT / snippet)
    assert r.stdout == f"== {result.snippet} ({result.label})\n{result.stdout}"
    r = subprocess.run(
        [sys.executable, "-m", "tools.runner", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 0 and "SNIPPETS_TIMEOUT" in r.stdout


def test_one_page_of_blocks() -> None:
    """The one-page command of CONTRIBUTING.md collects and passes that page's blocks."""
    page = ROOT / f"docs/autograd.{DEFAULT}.md"
    blocks = len(re.findall(r'^\s*--8<-- "[^"]+\.py"', page.read_text("utf-8"), re.M))
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    r = subprocess.run(
        [
            shutil.which("pytest") or "pytest",
            f"docs/autograd.{DEFAULT}.md",
            f"docs/autograd.{OTHER}.md",
            "-p",
            "no:cacheprovider",
            "-n",
            "0",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert r.returncode == 0, r.stdout[-3000:]
    assert f"{2 * blocks + 2} passed" in r.stdout  # each block, and each twin's rules test


def test_readme_serve_command() -> None:
    """`mkdocs serve` on the project: the home page and Tensors with real outputs."""
    port = free_port()
    exe = shutil.which("mkdocs")
    assert exe
    tmp = tempfile.mkdtemp(prefix="serve-")  # MkDocs' site folder lands here: removed
    proc = subprocess.Popen(
        [exe, "serve", "-a", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1", TMPDIR=tmp),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline, pages = time.monotonic() + 120, {}
        while time.monotonic() < deadline and len(pages) < 2:
            for path in ("", "tensors/"):
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}", timeout=10) as r:
                        pages[path] = r.read().decode("utf-8")
                except OSError:
                    time.sleep(0.5)
        assert len(pages) == 2, "mkdocs serve did not answer"
        assert f'<html lang="{DEFAULT}"' in pages[""]
        outputs = shown(pages["tensors/"])
        assert outputs and "snippet-output--pending" not in pages["tensors/"]
        first = re.search(r'data-snippet="(snippets/tensors/[^"]+)"', pages["tensors/"])
        assert first and outputs[0] == Runner(ROOT).result(ROOT / first.group(1)).stdout
    finally:
        proc.terminate()  # as a service manager stops it: SIGTERM
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        left = os.listdir(tmp)
        shutil.rmtree(tmp, ignore_errors=True)
    assert not left, f"mkdocs serve left in the temporary directory: {left}"


def test_check_command() -> None:
    """The author's one-page check: rules, every block's output, figure paths; fast."""
    start = time.monotonic()
    r = subprocess.run(
        [sys.executable, "-m", "tools.check", "tensors"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    seconds = time.monotonic() - start
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    assert r.stdout.startswith(f"# docs/tensors.{DEFAULT}.md: rules OK\n")
    blocks = [
        i
        for i in re.findall(
            r'--8<-- "([^"]+\.py)"', (ROOT / f"docs/tensors.{DEFAULT}.md").read_text("utf-8")
        )
    ]
    assert r.stdout.count("\n== snippets/tensors/") + r.stdout.startswith("== ") == len(blocks)
    assert seconds < 30, f"tools.check tensors took {seconds:.1f} s warm"


@pytest.mark.parametrize("doc", ["README.md", "CONTRIBUTING.md"])
def test_docs_state_real_times(doc: str) -> None:
    placeholders = re.findall(r"\b[A-Z]+(?:TIME|WARM)\b", (ROOT / doc).read_text("utf-8"))
    assert not placeholders, f"{doc} has unmeasured times: {placeholders}"


def test_sync_command() -> None:
    r = subprocess.run(
        [sys.executable, "-m", "tools.sync"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.endswith("0 out of step, 0 marked behind\n")
