"""The executor cannot be fooled: each test plants a snippet or a page that tries.

Nearly every test here runs the commands users type (``mkdocs build``, ``pytest``,
``python -m tools.runner``) in a throwaway project (``tests/project.py``); the last one
drives the runner in-process, to widen a race between threads until it cannot be missed.
"""

from __future__ import annotations

import multiprocessing.forkserver
import multiprocessing.process
import re
import threading
import time
from pathlib import Path

import pytest

from tests.project import DEFAULT, OTHER, Project
from tests.test_pipeline import outputs
from tools import runner as runner_module
from tools.runner import Runner, SnippetError


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path / "project")


def test_console_script_cold_build_with_the_fork_server(project: Project) -> None:
    """`mkdocs build` (the console script) on an empty cache, snippets forked from the
    fork server: MkDocs restores sys.path after loading the hook, and the server's
    children must still import the runner."""
    project.write("snippets/p/a.py", "import torch\nprint(torch.ones(2).sum().item())\n")
    project.pages("p", "p/a.py")
    r = project.build(SNIPPETS_FORKSERVER="1")
    assert r.returncode == 0, r.stderr[-3000:]
    assert outputs(project.path / f"site/{OTHER}/p/index.html") == ["2.0\n"]


UNSEEDED = (
    "import random, numpy, torch\nprint(random.random(), numpy.random.rand(), "
    "torch.rand(1).item())\n"
)


@pytest.mark.parametrize("forkserver", ["1", "0"])
def test_unseeded_snippets_get_fresh_random_state_and_the_pinned_cpu_path(
    project: Project, forkserver: str
) -> None:
    project.write("snippets/p/one.py", UNSEEDED)
    project.write("snippets/p/two.py", UNSEEDED + "# another file\n")
    project.write(
        "snippets/p/isa.py", "import torch\nprint('isa', torch.backends.cpu.get_cpu_capability())\n"
    )
    r = project.runner(
        "snippets/p/one.py",
        "snippets/p/two.py",
        "snippets/p/isa.py",
        SNIPPETS_FORKSERVER=forkserver,
    )
    assert r.returncode == 0, r.stderr
    lines = [line.split() for line in r.stdout.splitlines() if not line.startswith("==")]
    isa = [line for line in lines if line[0] == "isa"]
    lines = [line for line in lines if line[0] != "isa"]
    assert len(lines) == 2 and len(isa) == 1
    for a, b in zip(*lines):  # python, numpy and torch each differ between the two runs
        assert a != b, r.stdout
    # An AVX-512 machine computes with the AVX2 kernels, so it prints what AVX2 ones do
    # (runner.cpu_pins); a CPU without AVX2 keeps its own.
    if runner_module.cpu_pins():
        assert isa[0][1] == "AVX2", r.stdout


LATE_CHILD = """\
import subprocess, sys, time
subprocess.Popen([sys.executable, "-c",
                  "import sys, time; time.sleep({delay}); open(sys.argv[1], 'w').write('late')",
                  {late!r}])
print("started a child")
{after}
"""


def test_no_process_outlives_its_snippet(project: Project, tmp_path: Path) -> None:
    """Two snippets each start a child that writes a file later: one snippet exits at once
    (its child writes after 1 s), the other runs past its 1 s time limit (its child writes
    after 3 s, well after the limit). Neither child may write, with or without the fork
    server."""
    (project.path / "data").mkdir(exist_ok=True)  # writable for snippets: only death stops it
    late = {
        ending: project.path / "data" / f"late-{ending.replace(' ', '-')}.txt"
        for ending in ("exits", "times out")
    }
    sources = {
        "exits": LATE_CHILD.format(late=str(late["exits"]), delay=1, after=""),
        "times out": LATE_CHILD.format(
            late=str(late["times out"]), delay=3, after="time.sleep(30)"
        ),
    }
    for ending, source in sources.items():
        project.write(f"snippets/p/{ending.replace(' ', '_')}.py", source)
    project.pages("p", "p/exits.py", "p/times_out.py")
    for runs, forkserver in enumerate(("1", "0"), 1):
        r = project.build(SNIPPETS_FORKSERVER=forkserver, SNIPPETS_TIMEOUT="1")
        assert (
            f"snippets/p/times_out.py (shown on page p.{DEFAULT}.md): timed out after 1 s"
            in r.stderr
        )
        assert project.executions()["snippets/p/exits.py"] == runs  # it ran, and ended
        time.sleep(2.5)  # a child that survived would have written by now
        written = [p.name for p in late.values() if p.exists()]
        assert not written, f"a process a snippet started outlived it: {written}"
        for ending, source in sources.items():  # both run again with the other server
            (project.path / f"snippets/p/{ending.replace(' ', '_')}.py").write_text(
                source + "# again\n"
            )


def test_a_snippet_cannot_write_into_the_project_or_the_cache(project: Project) -> None:
    project.write("snippets/p/a.py", "print('the real output')\n")
    project.pages("p", "p/a.py")
    assert project.build().returncode == 0
    [entry] = project.cache_entries()
    evil = (
        "from pathlib import Path\n"
        "root = Path(__file__).resolve().parents[2]\n"
        "for f in (root / '.cache' / 'snippets').glob('*/stdout.bin'):\n"
        "    f.write_text('forged output')\n"
    )
    sources = {"evil": evil, "litter": "open(__file__ + '.out', 'w').write('x')\n"}
    for name, source in sources.items():
        project.write(f"snippets/p/{name}.py", source)
        project.pages("p", "p/a.py", f"p/{name}.py")
        r = project.build()
        assert r.returncode == 1
        assert (
            f"snippets/p/{name}.py (shown on page p.{DEFAULT}.md): exited with status 1" in r.stderr
        )
        assert "a snippet may not write into the project" in r.stderr
        assert ("'.cache/snippets/" if name == "evil" else "'snippets/p/litter.py.out'") in r.stderr
        (project.path / f"snippets/p/{name}.py").unlink()
    assert (entry / "stdout.bin").read_text() == "the real output\n"
    assert not (project.path / "snippets/p/litter.py.out").exists()
    project.pages("p", "p/a.py")
    assert project.build().returncode == 0
    assert outputs(project.path / f"site/{OTHER}/p/index.html") == ["the real output\n"]
    assert project.executions()["snippets/p/a.py"] == 1


def test_refused_write_names_the_file(project: Project) -> None:
    project.write(
        "snippets/p/litter.py",
        "from pathlib import Path\nPath(__file__).with_name('out.txt').write_text('x')\n",
    )
    project.pages("p", "p/litter.py")
    r = project.build()
    assert r.returncode == 1
    assert f"snippets/p/litter.py (shown on page p.{DEFAULT}.md): exited with status 1" in r.stderr
    assert "'snippets/p/out.txt'" in r.stderr  # the file, not an "orphan snippet"
    assert "orphan" not in r.stderr


LIMITS = {
    "stdout": (
        "print('x' * 3000)\n",
        {"SNIPPETS_MAX_STDOUT_KB": "2"},
        "stdout over its cap of 2 KB (SNIPPETS_MAX_STDOUT_KB",
    ),
    "figures": (
        "import matplotlib.pyplot as plt\nfor i in range(3):\n"
        "    plt.figure(); plt.plot([i]); plt.show()\n",
        {"SNIPPETS_MAX_FIGURES": "2"},
        "showed 3 figures, over 2",
    ),
    "figure size": (
        "import matplotlib.pyplot as plt\nimport numpy as np\n"
        "plt.figure(figsize=(12, 12)); plt.imshow(np.random.rand(600, 600))\n"
        "plt.show()\n",
        {"SNIPPETS_MAX_FIGURE_KB": "50"},
        "over 50 KB",
    ),
    "memory": (
        "import time\nblock = bytearray(300 * 2**20)\nfor i in range(0, len(block), "
        "4096):\n    block[i] = 1\ntime.sleep(2)\n",
        {"SNIPPETS_MEMORY_MB": "150"},
        "of memory, over its budget of 150 MiB (SNIPPETS_MEMORY_MB)",
    ),
    "non-UTF-8": (
        "import sys\nsys.stdout.buffer.write(b'ok\\n\\xff\\xfe\\n')\n",
        {},
        "stdout is not UTF-8 (byte 3, line 2",
    ),
}


@pytest.mark.parametrize("case", LIMITS)
def test_output_and_memory_limits_fail_clearly(project: Project, case: str) -> None:
    source, env, message = LIMITS[case]
    project.write("snippets/p/big.py", source)
    project.pages("p", "p/big.py")
    r = project.build(**env)
    assert r.returncode == 1
    assert f"snippets/p/big.py (shown on page p.{DEFAULT}.md): " in r.stderr
    assert message in r.stderr, r.stderr
    assert project.cache_entries() == []


def test_stderr_is_shown_and_os_exit_0_is_success(project: Project) -> None:
    project.write(
        "snippets/p/warns.py",
        "import warnings\nprint('result')\nwarnings.warn('check this', UserWarning)\n",
    )
    project.write(
        "snippets/p/exits.py",
        "import os, sys\nprint('before', flush=True)\nos._exit(0)\nprint('never')\n",
    )
    project.pages("p", "p/warns.py", "p/exits.py")
    r = project.build()
    assert r.returncode == 0, r.stderr
    en = (project.path / f"site/{OTHER}/p/index.html").read_text(encoding="utf-8")
    assert outputs(project.path / f"site/{OTHER}/p/index.html") == ["result\n", "before\n"]
    stderr = re.findall(
        r'<p class="snippet-output__stream">stderr</p>\n'
        r'<pre class="snippet-output__stderr"><code tabindex="0"[^>]*>(.*?)</code>',
        en,
        re.S,
    )
    assert len(stderr) == 1, en
    # named as `python warns.py` names it: no build path on the page
    assert stderr[0] == (
        "warns.py:3: UserWarning: check this\n  warnings.warn('check this', UserWarning)\n"
    )


def test_runner_help_and_figure_paths(project: Project) -> None:
    r = project.runner("--help")
    assert r.returncode == 0 and "usage: python -m tools.runner" in r.stdout
    project.write(
        "snippets/p/plot.py",
        "import matplotlib.pyplot as plt\nplt.plot([1, 2])\nplt.show()\nprint('drawn')\n",
    )
    r = project.runner("snippets/p/plot.py")
    assert r.returncode == 0, r.stderr
    figure = re.search(r"^-- figure (\S+)$", r.stdout, re.M)
    assert figure and Path(figure.group(1)).read_bytes()[:4] == b"\x89PNG"
    r = project.runner("snippets/p/nothing.py")
    assert r.returncode == 2 and "not a snippet file" in r.stderr


def test_the_build_runs_snippets_in_parallel(project: Project, tmp_path: Path) -> None:
    """mkdocs build runs what is missing on all cores at once, not page by page."""
    stamps = project.path / "data" / "stamps"  # data/: writable for snippets
    stamps.mkdir(parents=True)
    for name in ("one", "two", "three"):
        project.write(
            f"snippets/p/{name}.py",
            (
                "import time\n"
                f"open({str(stamps / name)!r}, 'w').write(f'{{time.time()}} ')\n"
                "time.sleep(1.5)\n"
                f"open({str(stamps / name)!r}, 'a').write(f'{{time.time()}}')\n"
                f"print({name!r})\n"
            ),
        )
    project.pages("p", "p/one.py", "p/two.py", "p/three.py")
    r = project.build(SNIPPETS_JOBS="3")
    assert r.returncode == 0, r.stderr
    spans = [tuple(map(float, (stamps / n).read_text().split())) for n in ("one", "two", "three")]
    assert max(start for start, _ in spans) < min(end for _, end in spans), (
        f"the three runs did not overlap: {spans}"
    )
    assert "snippets: 3/3 run" in r.stderr


def test_exit_statuses_survive_processes_started_alongside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Process.start() in one thread polls every child of the process (multiprocessing's
    _cleanup); a snippet finishing in another thread must still get its own exit status,
    not the 255 multiprocessing reports when two readers race for it. The race window is
    widened (a slow read of the status) so that it is hit every time if it exists."""
    if not runner_module.FORKSERVER:
        pytest.skip("no fork server on this platform")
    read_signed = multiprocessing.forkserver.read_signed

    def slow_read(fd: int) -> int:
        time.sleep(0.05)
        return read_signed(fd)

    monkeypatch.setattr(multiprocessing.forkserver, "read_signed", slow_read)
    root = tmp_path / "project"
    (root / "snippets").mkdir(parents=True)
    snippets = []
    for i in range(8):
        snippets.append(root / "snippets" / f"s{i}.py")
        snippets[-1].write_text(f"print({i})\n")
    stop = threading.Event()

    def start_others() -> None:  # what Process.start() does first, as often as possible
        while not stop.is_set():
            with runner_module.START_LOCK:
                multiprocessing.process._cleanup()

    thread = threading.Thread(target=start_others)
    thread.start()
    try:
        results = Runner(root, root / ".cache/snippets").run_all(snippets, jobs=2)
    finally:
        stop.set()
        thread.join()
    failed = [str(r) for r in results.values() if isinstance(r, SnippetError)]
    assert not failed, "\n".join(failed)
