"""A cached output is valid only in the environment it was made in (``tools.environment``).

A planted package (a folder on ``PYTHONPATH`` with its ``.dist-info``, as pip leaves it)
changes version: the snippet that imported it runs again and says why; one that did not
stays cached. A change of Python in the key makes every snippet run. ``pytest`` says how
many blocks ran and why, and ``SNIPPETS_FRESH=1`` runs them all.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tests.project import Project
from tools import environment, runner
from tools.environment import Environment


def plant(site: Path, version: str, value: int = 1) -> None:
    """A package ``notespkg`` installed in ``site`` at ``version``, as pip leaves it."""
    (site / "notespkg").mkdir(parents=True, exist_ok=True)
    (site / "notespkg" / "__init__.py").write_text(f"VALUE = {value}\n", encoding="utf-8")
    for old in site.glob("notespkg-*.dist-info"):
        for f in old.iterdir():
            f.unlink()
        old.rmdir()
    info = site / f"notespkg-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: notespkg\nVersion: {version}\n", encoding="utf-8"
    )
    (info / "top_level.txt").write_text("notespkg\n", encoding="utf-8")
    (info / "RECORD").write_text("notespkg/__init__.py,,\n", encoding="utf-8")


def test_versions_of_what_a_run_imported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    plant(site, "1.0")
    monkeypatch.syspath_prepend(str(site))
    modules = {"notespkg": str(site / "notespkg" / "__init__.py"), "json": json.__file__}
    env = Environment()
    recorded = env.describe(modules)
    assert recorded == {"notespkg": "1.0"}  # the standard library does not count
    assert env.changes(recorded, modules) == []
    plant(site, "1.1")
    assert Environment().changes(recorded, modules) == ["notespkg 1.0 → 1.1"]
    # A module no distribution owns counts by its own files.
    (tmp_path / "helper.py").write_text("X = 1\n", encoding="utf-8")
    local = {"helper": str(tmp_path / "helper.py")}
    before = Environment().describe(local)
    assert before["helper"].startswith(environment.LOCAL)
    (tmp_path / "helper.py").write_text("X = 2\n", encoding="utf-8")
    assert Environment().changes(before, local) == ["helper changed (local files)"]


def test_the_runners_own_modules_count_in_a_copy_of_the_project_too(tmp_path: Path) -> None:
    """A cache copied with the project (or a project moved, its old folder kept) recorded
    the runner's backend at the old path: it is the runner's own there too, not a local
    package that is "now installed" (24 snippets ran again for it)."""
    for folder in ("old/tools", "new/tools"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "notes_mpl_backend.py").write_text("X = 1\n", encoding="utf-8")
    old = {"notes_mpl_backend": str(tmp_path / "old/tools/notes_mpl_backend.py")}
    assert Environment(skip=[tmp_path / "old/tools"]).describe(old) == {}
    assert Environment(skip=[tmp_path / "new/tools"]).changes({}, old) == []
    assert Environment().describe(old)["notes_mpl_backend"].startswith(environment.LOCAL)
    # but another project's package named like the folder ("tools") still counts
    for folder in ("new/tools", "elsewhere/tools"):
        (tmp_path / folder).mkdir(exist_ok=True, parents=True)
        (tmp_path / folder / "__init__.py").write_text("X = 1\n", encoding="utf-8")
    other = {"tools": str(tmp_path / "elsewhere/tools/__init__.py")}
    described = Environment(skip=[tmp_path / "new/tools"]).describe(other)
    assert described["tools"].startswith(environment.LOCAL)


def test_a_new_package_version_reruns_what_imported_it(tmp_path: Path) -> None:
    project = Project(tmp_path / "project")
    site = tmp_path / "site"
    plant(site, "1.0", value=1)
    uses = project.write("snippets/p/uses.py", "import notespkg\n\nprint(notespkg.VALUE)\n")
    plain = project.write("snippets/p/plain.py", "print('no package')\n")
    env = {"PYTHONPATH": str(site)}
    r = project.runner(str(uses), str(plain), **env)
    assert r.returncode == 0, r.stderr
    assert "snippets/p/uses.py (no entry)" in r.stderr
    why = project.runner("--why", str(uses), str(plain), **env)
    assert why.stdout.splitlines() == ["snippets/p/uses.py: cached", "snippets/p/plain.py: cached"]

    plant(site, "1.1", value=2)  # an upgrade that changes what it prints
    why = project.runner("--why", str(uses), str(plain), **env)
    assert why.stdout.splitlines() == [
        "snippets/p/uses.py: notespkg 1.0 → 1.1",
        "snippets/p/plain.py: cached",
    ]
    r = project.runner(str(uses), str(plain), **env)
    assert "Running snippet snippets/p/uses.py (notespkg 1.0 → 1.1)" in r.stderr
    assert "plain.py (" not in r.stderr  # from the cache
    assert "== snippets/p/uses.py" in r.stdout and "\n2\n" in r.stdout
    assert project.executions() == {"snippets/p/uses.py": 2, "snippets/p/plain.py": 1}

    project.write("snippets/p/plain.py", "print('edited')\n")
    why = project.runner("--why", str(plain), **env)
    assert why.stdout == "snippets/p/plain.py: source changed\n"


def test_another_python_reruns_every_snippet(monkeypatch: pytest.MonkeyPatch) -> None:
    here = runner.Runner()
    snippets = sorted(here.entries.root.joinpath("snippets").rglob("*.py"))[:5]
    cached = [s for s in snippets if here.cached(s) is not None]
    assert cached, "run the snippets first (the tests' own start does)"
    now = environment.python_version()
    monkeypatch.setattr(runner, "python_version", lambda: "CPython 9.9.9")
    other = runner.Runner()
    for snippet in cached:
        assert other.cached(snippet) is None
        assert other.why(snippet) == f"Python {now} → CPython 9.9.9"


def test_another_cpu_or_mkl_setting_reruns_every_snippet(monkeypatch: pytest.MonkeyPatch) -> None:
    """MKL's code path differs between CPU vendors (and with MKL_CBWR), and so do the last
    digits of long training runs: a result made on an Intel host is not valid on an AMD one."""
    here = runner.Runner()
    snippets = sorted(here.entries.root.joinpath("snippets").rglob("*.py"))[:5]
    cached = [s for s in snippets if here.cached(s) is not None]
    assert cached, "run the snippets first (the tests' own start does)"
    now = environment.cpu_identity()
    assert now and "\n" not in now
    monkeypatch.setattr(runner, "cpu_identity", lambda: "TestVendor avx512")
    other = runner.Runner()
    for snippet in cached:
        assert other.cached(snippet) is None
        assert other.why(snippet) == f"CPU {now} → TestVendor avx512"
    monkeypatch.undo()
    monkeypatch.setenv("MKL_CBWR", "COMPATIBLE")
    pinned = runner.Runner()
    assert all(pinned.cached(s) is None for s in cached)
    assert pinned.why(cached[0]) == "MKL_CBWR — → COMPATIBLE"


def test_pytest_says_what_ran_and_fresh_runs_all(tmp_path: Path) -> None:
    project = Project(tmp_path / "project")
    project.write("snippets/p/a.py", "print('a')\n")
    project.pages("p", "p/a.py")
    r = project.codeblocks()
    assert r.returncode == 0, r.stdout + r.stderr
    assert "snippets: 1 of 1 ran in this session (no entry: 1), 0 came from cache" in r.stdout
    r = project.codeblocks()
    assert "snippets: 0 of 1 ran in this session, 1 came from cache entries valid" in r.stdout
    r = project.codeblocks(SNIPPETS_FRESH="1")
    assert "snippets: 1 of 1 ran in this session (SNIPPETS_FRESH=1: 1)" in r.stdout
    assert project.executions() == {"snippets/p/a.py": 2}
    assert sys.executable  # the same interpreter throughout
