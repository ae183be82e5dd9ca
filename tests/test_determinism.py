"""The determinism lane: every chapter snippet, run a second time with the cache bypassed,
prints exactly what its cached run printed (unless marked ``# output varies: why``, which
the page then says). The cache would otherwise hide that the next reader, or the next
cold build, gets other numbers."""

from __future__ import annotations

from pathlib import Path

from tests.project import OTHER, SITE, Project
from tests.test_pipeline import outputs
from tools import pages
from tools.check import rerun_differences
from tools.runner import ROOT, Runner


def chapter_snippets() -> list[Path]:
    """Every snippet the chapters show (the long examples run once; they print their seeds'
    results)."""
    chapters = [p for p in SITE.pages() if SITE.slug(p).split("/")[0] != "examples"]
    return list(dict.fromkeys(s for page in chapters for s in pages.shown(SITE, page)))


def test_chapter_snippets_print_the_same_on_a_second_run() -> None:
    problems = rerun_differences(Runner(ROOT), chapter_snippets())
    assert not problems, "\n".join(problems)


def test_the_lane_catches_an_unseeded_snippet(tmp_path: Path) -> None:
    project = Project(tmp_path / "project")
    draw = "import torch\nprint('draw:', torch.rand(1).item())\n"
    project.write("snippets/p/unseeded.py", draw)
    project.write("snippets/p/seeded.py", "import torch\ntorch.manual_seed(0)\n" + draw[13:])
    project.write("snippets/p/marked.py", "# output varies: a random draw, on purpose\n" + draw)
    project.pages("p", "p/unseeded.py", "p/seeded.py", "p/marked.py")
    assert project.build().returncode == 0
    runner = Runner(project.path)
    [problem] = rerun_differences(
        runner, [project.path / f"snippets/p/{n}.py" for n in ("unseeded", "seeded", "marked")]
    )
    assert problem.startswith(
        "snippets/p/unseeded.py: a second run printed something else, line 1: 'draw: "
    )
    assert "mark it '# output varies: why'" in problem
    en = (project.path / f"site/{OTHER}/p/index.html").read_text(encoding="utf-8")
    zh = (project.path / "site/p/index.html").read_text(encoding="utf-8")
    assert en.count("this output changes from run to run") == 1
    assert zh.count("每次运行的输出都会不同") == 1
    assert len(outputs(project.path / f"site/{OTHER}/p/index.html")) == 3
