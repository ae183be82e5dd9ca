"""An author's mistakes, and an author's litter, meet the right answer from the build."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.project import DEFAULT, OTHER, Project


@pytest.fixture
def project(tmp_path: Path) -> Project:
    p = Project(tmp_path / "project")
    p.write("snippets/p/a.py", "print('a')\n")
    p.pages("p", "p/a.py")
    return p


def with_nav(project: Project, nav: str, translations: str = "") -> None:
    config = (project.path / "mkdocs.yml").read_text(encoding="utf-8")
    other = next(line for line in config.splitlines() if f'"locale": "{OTHER}"' in line)
    config = config.replace(other, other[:-1] + f', "nav_translations": {{{translations}}}}}')
    (project.path / "mkdocs.yml").write_text(config + f"nav:\n{nav}", encoding="utf-8")


def test_editor_files_are_not_orphan_snippets(project: Project) -> None:
    for litter in ("p/.a.py.swp", "p/a.py~", "p/__pycache__/a.cpython-311.pyc", "p/#a.py#"):
        project.write(f"snippets/{litter}", "x")
    r = project.build()
    assert r.returncode == 0, r.stderr


def test_a_page_missing_from_nav_fails_the_build(project: Project) -> None:
    with_nav(project, "  - 首页: index.md\n", "首页: Home")
    r = project.build()
    assert r.returncode == 1
    assert f"docs/p.{DEFAULT}.md is not in mkdocs.yml's nav: add '- <title>: p.md'" in r.stderr


def test_a_language_file_in_nav_says_what_to_write(project: Project) -> None:
    with_nav(project, f"  - 首页: index.md\n  - 页面: p.{DEFAULT}.md\n", "首页: Home, 页面: Page")
    r = project.build()
    assert r.returncode == 1
    assert f"mkdocs.yml nav: 'p.{DEFAULT}.md' names one language's file; write 'p.md'" in r.stderr


def test_a_nav_title_without_translation_fails_the_build(project: Project) -> None:
    with_nav(project, "  - 首页: index.md\n  - 页面: p.md\n", "首页: Home")
    r = project.build()
    assert r.returncode == 1
    assert f"mkdocs.yml nav title '页面' has no '{OTHER}' translation" in r.stderr
    with_nav(project, "  - 首页: index.md\n  - 页面: p.md\n", "首页: Home, 页面: Page")
    assert project.build().returncode == 0
