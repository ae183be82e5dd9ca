"""What a ``mkdocs serve`` rebuild renders again after a save (``tools.serve_saves``),
without MkDocs: the plan for saved pages and snippets, and what rebuilds every page."""

from __future__ import annotations

import time
from pathlib import Path

from tests.project import DEFAULT, OTHER, SITE, Project
from tools import site as site_model
from tools.serve_saves import Saves

REPORT = "examples/report"


def saves_of(project: Project) -> Saves:
    site = site_model.load(project.path / "mkdocs.yml")
    saves = Saves(lambda: site, REPORT)
    assert saves.changed() is None  # the first look: nothing to compare with
    saves.all_shown()
    return saves


def touch(path: Path, text: str | None = None) -> None:
    time.sleep(0.01)  # a newer time than the last look, on any file system clock
    path.write_text(text if text is not None else path.read_text("utf-8") + "\nMore.\n", "utf-8")


def test_a_page_is_rebuilt_in_its_language_and_those_generated_from_it(tmp_path: Path) -> None:
    project = Project(tmp_path / "project", generated=True)
    project.write("snippets/p/a.py", "print('a')\n")
    project.pages("p", "p/a.py")
    project.pages("q", "p/a.py")
    saves = saves_of(project)
    generated = [x.code for x in SITE.generated if x.source == DEFAULT]
    touch(project.path / "docs" / SITE.locale(DEFAULT).page("p"))
    changed = saves.changed()
    assert changed is not None
    assert saves.plan(changed) == ([DEFAULT, *generated], {"p"})
    touch(project.path / "docs" / SITE.locale(OTHER).page("q"))
    changed = saves.changed()
    assert changed is not None
    assert saves.plan(changed) == ([OTHER], {"q"})
    assert saves.changed() == set()  # nothing since: the plan is empty
    assert saves.plan(set()) == ([], set())


def test_a_snippet_rebuilds_its_pages_and_the_report_in_every_language(tmp_path: Path) -> None:
    project = Project(tmp_path / "project", generated=True)
    a = project.write("snippets/p/a.py", "print('a')\n")
    project.write("snippets/p/b.py", "print('b')\n")
    project.pages("p", "p/a.py")
    project.pages("q", "p/a.py")
    project.pages("r", "p/b.py")
    saves = saves_of(project)
    touch(a, "print('A')\n")
    changed = saves.changed()
    assert changed == {a}
    every = [x.code for x in SITE.written] + [x.code for x in SITE.generated]
    assert saves.plan(changed) == (every, {"p", "q", REPORT})
    # a page whose text quotes b's output (tools.glue) follows b, once it says so
    quote = project.path / "docs" / SITE.locale(OTHER).page("p")
    touch(quote, quote.read_text("utf-8") + '\nb says {{ output("p/b.py", "{}") }}\n')
    changed = saves.changed()
    assert changed is not None and saves.plan(changed) == ([OTHER], {"p"})
    b = project.path / "snippets/p/b.py"
    touch(b, "print('2')\n")
    changed = saves.changed()
    assert changed == {b}
    assert saves.plan(changed) == (every, {"p", "r", REPORT})


def test_a_page_showing_other_snippets_also_rebuilds_the_report(tmp_path: Path) -> None:
    project = Project(tmp_path / "project")
    project.write("snippets/p/a.py", "print('a')\n")
    project.write("snippets/p/b.py", "print('b')\n")
    project.pages("p", "p/a.py")
    project.pages("r", "p/b.py")
    saves = saves_of(project)
    page = project.path / "docs" / SITE.locale(OTHER).page("p")
    touch(page, page.read_text("utf-8") + '\n```python\n--8<-- "p/b.py"\n```\n')
    changed = saves.changed()
    assert changed is not None
    assert saves.plan(changed) == ([x.code for x in SITE.written], {"p", REPORT})


def test_what_rebuilds_every_page(tmp_path: Path) -> None:
    project = Project(tmp_path / "project")
    a = project.write("snippets/p/a.py", "print('a')\n")
    notebook = project.write("snippets/p/nb.py", "# %%\nprint('cell')\n")
    project.pages("p", "p/a.py", "p/nb.py")
    saves = saves_of(project)
    page = project.path / "docs" / SITE.locale(OTHER).page("p")
    for change in (
        lambda: touch(project.path / "mkdocs.yml"),
        lambda: touch(project.path / "sync.lock.json", "{}\n"),  # sections marked behind
        lambda: touch(notebook, "# %%\nprint('other cell')\n"),  # made into a notebook
        lambda: a.unlink(),
        lambda: page.unlink(),
    ):
        change()
        changed = saves.changed()
        assert changed, "the change was not seen"
        assert saves.plan(changed) is None, changed
    for ignored in (page.parent / f".{page.name}.swp", a.parent / "a.py~"):
        touch(ignored, "editor litter\n")
        assert saves.changed() == set(), ignored  # nothing counts: no rebuild at all
