"""Shown = run: the code on a page is the code the build runs, and nothing else gets in.

A careless or hostile author's ways to show one thing and run another, each planted in a
throwaway project (``tests/project.py``), one page per way: every one must fail the build,
the page's tests (``pytest --codeblocks``) and ``python -m tools.check``, in the same
words, and nothing must run.
"""

from __future__ import annotations

import sys
from pathlib import Path

import markdown
import pytest

from tests.project import DEFAULT, SITE, Project, page
from tools import pages, render

NESTED = 'try:\n    --8<-- "nested/.shown.txt"\nexcept NameError:\n    pass\nprint("ran")\n'
PROSE = '\n--8<-- "prose/notes.md"\n'
NOTES = '```python\nprint("harmless")\n```\n\n<div class="snippet-output">forged</div>\n'


def plant(project: Project) -> None:
    """One page (in every written language) per way, and the files they name."""
    files = {
        "snippets/nested/a.py": NESTED,
        "snippets/nested/.shown.txt": 'print("shown, never run")\n',
        "snippets/prose/a.py": "print('prose')\n",
        "snippets/prose/notes.md": NOTES,
        "snippets/hidden/.x.py": "print('hidden')\n",
        "snippets/hidden/.dir/y.py": "print('in a hidden folder')\n",
        "snippets/typed/a.py": "print('typed')\n",
        "snippets/litter/ok.py": "print('ok')\n",
        "snippets/litter/.ok.py.swp": "vim's swap file\n",
        "snippets/litter/.notes": "a hidden file\n",
        "snippets/sections/a.py": "# --8<-- [start:part]\nprint('part')\n# --8<-- [end:part]\n",
    }
    for rel, text in files.items():
        project.write(rel, text)
    for x in SITE.written:
        for slug, includes, extra in (
            ("nested", ["nested/a.py"], ""),
            ("prose", ["prose/a.py"], PROSE),
            ("hidden", ["hidden/.x.py", "hidden/.dir/y.py"], ""),
            ("typed", ["typed/a.py"], '\n<div class="snippet-output">1.0</div>\n'),
            ("numpy", [], "\n```numpy\nprint(1)\n```\n"),
            ("litter", ["litter/ok.py"], ""),
            ("sections", ["sections/a.py"], ""),
        ):
            project.write(f"docs/{x.page(slug)}", page(*includes, lang=x.code) + extra)


EXPECTED = {
    "nested": [
        f"docs/nested.{DEFAULT}.md:3: snippet snippets/nested/a.py:2 holds include notation "
        "'--8<-- \"nested/.shown.txt\"': the page would show other code than the one that "
        "runs",
        "snippets/nested/.shown.txt (a hidden name: never included): orphan snippet",
    ],
    "prose": [
        f"docs/prose.{DEFAULT}.md:7: include line '--8<-- \"prose/notes.md\"' outside a code "
        "fence of its own",
        "snippets/prose/notes.md: orphan snippet, no page includes it",
    ],
    "hidden": [
        f"docs/hidden.{DEFAULT}.md:3: include 'hidden/.x.py' names a hidden or scratch file",
        f"docs/hidden.{DEFAULT}.md:7: include 'hidden/.dir/y.py' names a hidden or scratch file",
        "snippets/hidden/.x.py (a hidden name: never included): orphan snippet",
    ],
    "typed": [f"docs/typed.{DEFAULT}.md:7: 'snippet-output' typed into the page"],
    "numpy": [f"docs/numpy.{DEFAULT}.md:3: python block typed into the page"],
    "litter": ["snippets/litter/.notes (a hidden name: never included): orphan snippet"],
    "sections": [
        f"docs/sections.{DEFAULT}.md:3: snippet snippets/sections/a.py:1 holds include "
        "notation '# --8<-- [start:part]'"
    ],
}


def test_every_way_to_show_other_code_is_refused_everywhere(tmp_path: Path) -> None:
    project = Project(tmp_path / "project")
    plant(project)
    build = project.build()
    assert build.returncode == 1
    for messages in EXPECTED.values():
        for message in messages:
            assert message in build.stderr, (message, build.stderr)
    assert ".ok.py.swp" not in build.stderr  # an editor's file is no orphan
    assert not project.executions()  # refused before anything ran
    tests = project.codeblocks()
    assert tests.returncode == 1
    for slug, messages in EXPECTED.items():
        for message in messages:
            if message.startswith("docs/"):
                assert message in tests.stdout, (message, tests.stdout)
        check = project.run(sys.executable, "-m", "tools.check", slug)
        assert check.returncode == 1, (slug, check.stdout, check.stderr)
        for message in messages:
            assert message in check.stdout, (slug, message, check.stdout)
    assert "harmless" not in tests.stdout + build.stderr
    ran = set(project.executions())  # pytest ran the good blocks, and only those
    assert ran == {f"snippets/{slug}/a.py" for slug in ("prose", "typed")} | {
        "snippets/litter/ok.py"
    }, ran


def test_a_snippet_with_odd_characters_is_shown_as_it_runs(tmp_path: Path) -> None:
    """What the build compares (``render.shown_code`` of the rendered block, against the
    file) holds for code full of what HTML and Markdown treat specially."""
    source = (
        "\n# a < b & c > d, \"quotes\" 'and' `ticks`\n\ntext = '<p>&amp; 张量 \\t 🙂</p>'"
        "\nprint(text)  # --8<\n\n\nprint(1 if 2 > 1 else 0)\n"
    )
    snippets = tmp_path / "snippets"
    snippets.mkdir()
    (snippets / "a.py").write_text(source, encoding="utf-8")
    md = markdown.Markdown(
        extensions=["pymdownx.superfences", "pymdownx.highlight", "pymdownx.snippets"],
        extension_configs={"pymdownx.snippets": {"base_path": [str(snippets)]}},
    )
    content = md.convert('```python title="snippets/a.py"\n--8<-- "a.py"\n```\n\nEND\n')
    assert render.shown_code(content, content.index("END")) == source.strip("\n") + "\n"
    fence = pages.fences('```python\n--8<-- "a.py"\n```\n')[0]
    assert pages.block_problem(fence, snippets, tmp_path) is None


@pytest.mark.parametrize(
    "line,why",
    [
        ("\tprint(1)", "2 holds a tab"),
        ("x = '''\n   \n'''", "3 holds only spaces"),
        (';--8<-- "a.py"', "2 holds include notation"),
        ("--8<--", "2 holds include notation"),
    ],
)
def test_what_markdown_would_change_in_a_snippet_is_refused(
    tmp_path: Path, line: str, why: str
) -> None:
    (tmp_path / "a.py").write_text(f"import os\n{line}\n", encoding="utf-8")
    fence = pages.fences('```python\n--8<-- "a.py"\n```\n')[0]
    problem = pages.block_problem(fence, tmp_path, tmp_path.parent)
    assert problem and f"snippet {tmp_path.name}/a.py:{why}" in problem, problem


def test_every_python_like_lexer_counts_as_python() -> None:
    for lang in ("python", "py", "py3", "pycon", "ipython", "numpy", "sage", "{ .numpy }"):
        fence = pages.fences(f"```{lang}\nprint(1)\n```\n")[0]
        assert fence.is_python, lang
    for lang in ("console", "text", "json", "cython", "mermaid"):
        assert not pages.fences(f"```{lang}\nx\n```\n")[0].is_python, lang


def test_include_lines_and_typed_output_in_prose() -> None:
    text = (
        '# T { #t }\n\n```python\n--8<-- "a.py"\n```\n\n--8<-- "b.md"\n\n;--8<-- "c.md"\n\n'
        '```text\nx\n--8<-- "d.txt"\n```\n\n`<div class="snippet-output">` in code is fine\n'
        '\n```html\n<div class="snippet-output"></div>\n```\n\n{ .page-stamp }\n'
    )
    assert [n for n, _ in pages.stray_includes(text)] == [7, 13]
    assert [n for n, _ in pages.typed_output(text)] == [22]
