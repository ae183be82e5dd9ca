"""Cache entries cannot be fooled: a damaged entry (snippets or search) is reported and
made again, and no staging folder or lock file is left behind. Planted in throwaway
projects, through the commands users type (``tests/project.py``)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.project import OTHER, Project
from tests.test_pipeline import outputs


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path / "project")


@pytest.mark.parametrize("damage", ["invalid json", "missing file", "changed output", "wrong type"])
def test_a_damaged_cache_entry_is_reported_and_run_again(project: Project, damage: str) -> None:
    project.write("snippets/p/a.py", "print('a')\n")
    project.pages("p", "p/a.py")
    assert project.build().returncode == 0
    [entry] = project.cache_entries()
    if damage == "invalid json":
        (entry / "result.json").write_text("{not json")
    elif damage == "missing file":
        (entry / "stdout.bin").unlink()
    elif damage == "changed output":
        (entry / "stdout.bin").write_text("forged\n")  # e.g. by a shell, outside Python
    else:
        data = json.loads((entry / "result.json").read_text())
        data["cells"] = "nonsense"
        (entry / "result.json").write_text(json.dumps(data))
    r = project.build()
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    assert re.search(
        r"snippets/p/a.py: cache entry \w+ (is malformed|is incomplete|was "
        r"changed outside the runner).*; it will run again",
        r.stderr,
    ), r.stderr
    assert project.executions() == {"snippets/p/a.py": 2}
    assert outputs(project.path / f"site/{OTHER}/p/index.html") == ["a\n"]


def test_a_damaged_search_cache_is_rebuilt(tmp_path: Path) -> None:
    project = Project(tmp_path / "project", search=True)
    project.write("snippets/p/a.py", "print('a')\n")
    project.pages("p", "p/a.py")
    assert project.build().returncode == 0
    index = (project.path / "site/search/search_index.json").read_text()
    for n, path in enumerate(sorted((project.path / ".cache/search").glob("*.json"))):
        path.write_text(["{broken", "[1, 2]", ""][n % 3])
    r = project.build()
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr and "is unreadable" in r.stderr
    assert (project.path / "site/search/search_index.json").read_text() == index


def test_no_staging_folders_or_lock_files_are_left(project: Project) -> None:
    for n in range(4):
        project.write(f"snippets/p/s{n}.py", f"print({n})\n")
    project.pages("p", *[f"p/s{n}.py" for n in range(4)])
    assert project.codeblocks().returncode == 0
    assert project.build().returncode == 0
    project.write("snippets/p/bad.py", "raise SystemExit(2)\n")
    project.pages("p", "p/bad.py")
    assert project.build().returncode == 1
    leftovers = sorted(
        p.name
        for p in (project.path / ".cache/snippets").iterdir()
        if not (p.is_dir() and re.fullmatch(r"[0-9a-f]{24}", p.name))
    )
    assert leftovers == ["by-path", "durations.json", "executions.log"]
    notes = [p.name for p in (project.path / ".cache/snippets/by-path").iterdir()]
    assert notes and all(re.fullmatch(r"[0-9a-f]{24}\.json", n) for n in notes), notes
