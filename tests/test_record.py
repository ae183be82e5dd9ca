"""GPU recordings (``tools.record``), proved in throwaway projects: a recording is shown
beside the build's own output and flagged once its snippet changes, and the command
records only what is not current (nothing at all without CUDA)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.project import OTHER, Project
from tests.test_pipeline import outputs


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path)


def test_gpu_recording_shown_beside_build_output_and_flagged_stale(project: Project) -> None:
    import json

    from tools import record

    snippet = project.write("snippets/p/dev.py", "print('same code, other device')\n")
    project.pages("p", "p/dev.py")
    # A planted recording, as `python -m tools.record` writes it on a GPU machine.
    path = record.record(project.path, snippet, allow_any_device=True)
    data = json.loads(path.read_text(encoding="utf-8"))
    data.update(device="cuda (NVIDIA Test GPU)", torch="2.11.0", stdout="recorded on gpu\n")
    path.write_text(json.dumps(data), encoding="utf-8")
    assert record.problems(project.path) == []

    r = project.build()
    assert r.returncode == 0, r.stderr
    zh = (project.path / "site/p/index.html").read_text(encoding="utf-8")
    en = (project.path / f"site/{OTHER}/p/index.html").read_text(encoding="utf-8")
    assert 'class="tabbed-set tabbed-alternate output-tabs"' in en
    assert ">This build · cpu</label>" in en and ">本次构建 · cpu</label>" in zh
    today = data["date"]
    assert f">NVIDIA Test GPU · recorded {today}</label>" in en
    assert f">NVIDIA Test GPU · 录制于 {today}</label>" in zh
    assert outputs(project.path / f"site/{OTHER}/p/index.html") == ["same code, other device\n"]
    assert re.search(r'<pre><code tabindex="0"[^>]*>recorded on gpu\n</code></pre>', en)
    assert "Output · cuda (NVIDIA Test GPU) · torch 2.11.0" in en

    project.write("snippets/p/dev.py", "print('changed after recording')\n")
    assert project.build().returncode == 0
    en = (project.path / f"site/{OTHER}/p/index.html").read_text(encoding="utf-8")
    assert "stale: the code changed since" in en
    [problem] = record.problems(project.path)
    assert problem.startswith("recordings/p/dev.py.json: stale, snippets/p/dev.py changed")


def test_record_command_runs_only_what_is_not_current(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`python -m tools.record`: one start for many snippets, current ones skipped, and on a
    machine without CUDA nothing run and nothing written."""
    import functools
    import subprocess
    import sys

    from tools import record

    for name in ("a", "b", "c"):
        project.write(f"snippets/p/{name}.py", f"print('{name}')\n")
    r = subprocess.run(
        [sys.executable, "-m", "tools.record"],
        cwd=project.path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 2 and "no CUDA GPU here" in r.stderr
    assert not (project.path / "recordings").exists()

    # As on a GPU machine: a fake device name, and runs on this CPU accepted.
    record.record(project.path, project.path / "snippets/p/a.py", allow_any_device=True)
    monkeypatch.setattr(record, "ROOT", project.path)
    monkeypatch.setattr(record, "cuda_name", lambda: "NVIDIA Test GPU")
    monkeypatch.setattr(record, "save", functools.partial(record.save, allow_any_device=True))
    runs: list[list[str]] = []
    real_run_all = record.Runner.run_all

    def run_all(self: record.Runner, snippets: list[Path], **kw: object) -> dict:
        runs.append(sorted(self.rel(s) for s in snippets))
        return real_run_all(self, snippets, **kw)

    monkeypatch.setattr(record.Runner, "run_all", run_all)
    assert record.main([]) == 0
    assert runs == [["snippets/p/b.py", "snippets/p/c.py"]]  # a.py was current
    assert sorted(p.name for p in (project.path / "recordings/p").iterdir()) == [
        "a.py.json",
        "b.py.json",
        "c.py.json",
    ]
    runs.clear()
    assert record.main(["--force", str(project.path / "snippets/p/a.py")]) == 0
    assert runs == [["snippets/p/a.py"]]


def test_a_cpu_only_run_is_not_recorded_and_not_a_failure(
    project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """On a GPU machine a snippet that keeps to the CPU has nothing to record: it is named,
    nothing is written, and the command still succeeds; a snippet that fails still fails."""
    import tempfile

    from tools import record

    project.write("snippets/p/cpu.py", "print('on the CPU')\n")
    project.write("snippets/p/bad.py", "raise SystemExit(3)\n")
    monkeypatch.setattr(record, "ROOT", project.path)
    with tempfile.TemporaryDirectory() as cache:
        runner = record.Runner(project.path, cache_dir=Path(cache))
        failed = record.record_all(
            runner, [project.path / "snippets/p/cpu.py", project.path / "snippets/p/bad.py"], 1
        )
    err = capsys.readouterr().err
    assert failed == 1
    assert "not recorded: snippets/p/cpu.py: ran on cpu" in err
    assert "FAILED snippets/p/bad.py" in err
    assert not (project.path / "recordings").exists()


def test_the_record_command_needs_no_mkdocs() -> None:
    """A GPU machine has torch, torchvision, matplotlib and PyYAML, not MkDocs: the command
    still reads the site's folders and languages from mkdocs.yml."""
    import subprocess
    import sys

    from tests.project import ROOT
    from tools import site

    code = (
        "import sys; sys.modules['mkdocs'] = None\n"  # `import mkdocs...` raises ImportError
        "from tools import record, site\n"
        "s = site.load()\n"
        "print(s.snippets.name, [x.code for x in s.locales])\n"
        "print(record.path_for(site.ROOT, s.snippets / 'tensors/attributes.py'))\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0] == f"snippets {[x.code for x in site.load().locales]}"
    assert lines[1].endswith("recordings/tensors/attributes.py.json")
