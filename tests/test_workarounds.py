"""Each upstream workaround (``tools/hook_*.py``) is still needed, and still hooks in.

Every test here fails when the upstream behaviour changes: a method renamed, or a bug
fixed in a release. Then the workaround can go (or be adapted): see its docstring.
"""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from tests.project import HOOKS, Project

NOTEBOOK = "print('a cell')\n\n# %%\nprint('another cell')\n"


def test_search_cache_replaces_a_method_material_still_has() -> None:
    from material.plugins.search.plugin import SearchIndex

    method = SearchIndex.add_entry_from_context
    assert list(inspect.signature(method).parameters) == ["self", "page"], (
        "Material's SearchIndex.add_entry_from_context changed: adapt or drop "
        "tools/hook_search_cache.py"
    )


def test_highlight_cache_wraps_the_method_pymdownx_still_has() -> None:
    from pymdownx.highlight import Highlight

    from tools import hook_render_cache as cache

    params = list(inspect.signature(cache.UPSTREAM).parameters)
    assert params[:9] == [
        "self",
        "src",
        "language",
        "css_class",
        "hl_lines",
        "linestart",
        "linestep",
        "linespecial",
        "inline",
    ], "pymdownx's Highlight.highlight changed: adapt or drop tools/hook_render_cache.py"
    import markdown

    md = markdown.Markdown()
    one, other = Highlight(md, linenums=False), Highlight(md, linenums=True)
    first = cache.highlight_once(one, "x = 1\n", "python", id_value="__code_0")
    assert first == cache.UPSTREAM(one, "x = 1\n", "python", id_value="__code_0")
    assert cache.highlight_once(one, "x = 1\n", "python", id_value="__code_0") is first
    # another setting of the highlighter, another block id: another result, not the memo's
    assert (
        cache.highlight_once(other, "x = 1\n", "python", id_value="__code_0")
        == cache.UPSTREAM(other, "x = 1\n", "python", id_value="__code_0")
        != first
    )
    assert cache.highlight_once(one, "x = 1\n", "python", id_value="__code_1") != first


def test_codeblocks_still_collects_and_runs_through_what_we_replace() -> None:
    """``tools/workaround_codeblocks.py`` replaces the collector's ``extract_from_file``
    (looked up in pytest-codeblocks' plugin module when a page is collected) and
    ``TestBlock.runtest``; both must still be where the plugin finds them."""
    import dataclasses

    import pytest_codeblocks.plugin as plugin
    from pytest_codeblocks.main import CodeBlock

    why = "pytest-codeblocks changed: adapt or drop tools/workaround_codeblocks.py"
    assert "extract_from_file(self.path)" in inspect.getsource(plugin.MarkdownFile.collect), why
    init = list(inspect.signature(plugin.TestBlock.__init__).parameters)
    assert init == ["self", "name", "parent", "obj"], why
    assert "runtest" in vars(plugin.TestBlock), why
    fields = [f.name for f in dataclasses.fields(CodeBlock)]
    assert fields[:3] == ["code", "lineno", "syntax"], why


def notebook_project(path: Path, leave_out: str) -> Project:
    """A throwaway site with mkdocs-jupyter under mkdocs-static-i18n, one example that
    becomes a notebook, and every hook but ``leave_out``."""
    project = Project(path, notebooks=True, hooks=[h for h in HOOKS if h != leave_out])
    project.write("snippets/examples/demo.py", NOTEBOOK)
    project.pages("demo", "examples/demo.py")
    return project


@pytest.mark.parametrize("hook", ["", "tools/hook_notebook_pages.py"])
def test_i18n_still_turns_notebooks_into_plain_files(tmp_path: Path, hook: str) -> None:
    """Without hook_notebook_pages.py mkdocs-jupyter does not render the notebook."""
    project = notebook_project(tmp_path / "project", leave_out=hook)
    r = project.build()
    assert r.returncode == 0, r.stderr[-2000:]
    page = project.path / "site/notebooks/demo/index.html"
    rendered = page.is_file() and "jp-Cell" in page.read_text(encoding="utf-8")
    if hook:
        assert not rendered, (
            "mkdocs-static-i18n keeps notebooks as notebooks now: "
            "tools/hook_notebook_pages.py can go"
        )
    else:
        assert rendered


@pytest.mark.parametrize("hook", ["", "tools/hook_notebook_cache.py"])
def test_jupyter_still_evicts_the_other_languages_notebooks(tmp_path: Path, hook: str) -> None:
    """Without hook_notebook_cache.py only the last language's rendered notebook stays in
    mkdocs-jupyter's cache, so every build converts the other one again."""
    project = notebook_project(tmp_path / "project", leave_out=hook)
    r = project.build()
    assert r.returncode == 0, r.stderr[-2000:]
    cached = list(project.path.rglob(".cache/mkdocs-jupyter/*.json")) or list(
        project.path.rglob("mkdocs-jupyter/*.json")
    )
    if hook:
        assert len(cached) == 1, (
            "mkdocs-jupyter keeps every language's notebooks now: "
            f"tools/hook_notebook_cache.py can go ({cached})"
        )
    else:
        assert len(cached) == 2, cached
