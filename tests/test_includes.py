"""What a page's fences may hold, each rule planted in a throwaway project and checked in
``mkdocs build`` and ``pytest --codeblocks``: includes stay inside ``snippets/``, every
fence that highlights as Python includes a snippet (and one that does is run), a Python
file is not shown as text, and no placeholder reaches a built site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.project import DEFAULT, OTHER, Project, page
from tests.test_pipeline import outputs


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path / "project")


INCLUDES = {
    "dot-dot": '--8<-- "../secret.py"',
    "absolute": '--8<-- "{secret}"',
    "link out": '--8<-- "p/link.py"',
}


@pytest.mark.parametrize("case", INCLUDES)
def test_includes_must_stay_inside_snippets(project: Project, case: str) -> None:
    secret = project.write("secret.py", "print('never run')\nopen('/tmp/ran', 'w')\n")
    (project.path / "snippets/p").mkdir(parents=True)
    (project.path / "snippets/p/link.py").symlink_to(secret)
    project.write("snippets/p/ok.py", "print('ok')\n")
    line = INCLUDES[case].format(secret=secret)
    for lang in (DEFAULT, OTHER):
        project.write(
            f"docs/p.{lang}.md", page("p/ok.py", lang=lang) + f"\n```python\n{line}\n```\n"
        )
    r = project.build()
    assert r.returncode == 1
    assert re.search(
        rf"docs/p.{DEFAULT}.md:7: include '[^']+' (leaves snippets/|is an absolute "
        rf"path|is a link leading out of snippets/).*nothing was run",
        r.stderr,
    ), r.stderr
    r = project.codeblocks()
    assert r.returncode == 1 and f"docs/p.{OTHER}.md:7: include" in r.stdout
    assert "secret.py" not in project.executions()
    assert not any("secret" in k or "link" in k for k in project.executions())


PYTHON_FENCES = [
    "py",
    "py3",
    "python3",
    "ipython",
    "pycon",
    "{ .python }",
    '{ .py3 title="x.py" }',
    "sage",
]


@pytest.mark.parametrize("info", PYTHON_FENCES)
def test_every_fence_that_highlights_as_python_must_include_a_snippet(
    project: Project, info: str
) -> None:
    for lang in (DEFAULT, OTHER):
        project.write(f"docs/p.{lang}.md", page(lang=lang) + f"\n```{info}\nprint(1)\n```\n")
    r = project.build()
    assert r.returncode == 1
    assert f"docs/p.{DEFAULT}.md:3: python block typed into the page" in r.stderr
    r = project.codeblocks()
    assert r.returncode == 1
    assert f"docs/p.{DEFAULT}.md:3: python block typed into the page" in r.stdout


def test_an_included_python_fence_of_any_spelling_is_run(project: Project) -> None:
    project.write("snippets/p/a.py", "print('ran')\n")
    for lang in (DEFAULT, OTHER):
        project.write(
            f"docs/p.{lang}.md",
            page(lang=lang) + '\n``` { .py3 title="mine" }\n--8<-- "p/a.py"\n```\n',
        )
    r = project.build()
    assert r.returncode == 0, r.stderr
    assert outputs(project.path / f"site/{OTHER}/p/index.html") == ["ran\n"]
    r = project.codeblocks()
    assert r.returncode == 0 and "6 passed" in r.stdout  # 2 blocks, 4 pages' rules tests


def test_a_python_file_in_a_text_fence_is_refused(project: Project) -> None:
    project.write("snippets/p/a.py", "print('ran')\n")
    for lang in (DEFAULT, OTHER):
        project.write(f"docs/p.{lang}.md", page(lang=lang) + '\n```text\n--8<-- "p/a.py"\n```\n')
    r = project.build()
    assert r.returncode == 1
    assert f"docs/p.{DEFAULT}.md:3: 'p/a.py' is Python, shown in a 'text' fence" in r.stderr
    r = project.codeblocks()
    assert r.returncode == 1 and f"docs/p.{DEFAULT}.md:3: 'p/a.py' is Python" in r.stdout
    assert project.executions() == {}


def test_only_written_pages_get_a_rules_test(project: Project) -> None:
    """A notebook the build wrote into docs/ (as on every run after the first) is no page
    of the authors': the same tests are collected before and after it exists."""
    project.write("snippets/p/a.py", "print('ran')\n")
    project.pages("p", "p/a.py")
    for lang in (DEFAULT, OTHER):
        project.write(f"docs/notebooks/x.{lang}.ipynb", "{}\n")
    r = project.run(
        "pytest", "--codeblocks", "docs/", "--collect-only", "-q", "-p", "no:cacheprovider"
    )
    assert r.returncode == 0, r.stdout[-2000:]
    assert f"docs/p.{DEFAULT}.md::rules" in r.stdout and ".ipynb" not in r.stdout


def test_no_placeholder_can_reach_a_built_site(project: Project) -> None:
    for lang in (DEFAULT, OTHER):
        project.write(
            f"docs/p.{lang}.md",
            page(lang=lang) + '\n<div class="snippet-output snippet-output--pending"></div>\n',
        )
    r = project.build()
    assert r.returncode == 1  # typed into a page: refused as output typed by hand
    assert f"p.{DEFAULT}.md:3: 'snippet-output' typed into the page" in r.stderr
