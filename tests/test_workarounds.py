"""Each upstream workaround (``tools/hook_*.py``) is still needed, and still hooks in.

Every test here fails when the upstream behaviour changes: a method renamed, or a bug
fixed in a release. Then the workaround can go (or be adapted): see its docstring.
"""

from __future__ import annotations

import inspect
import re
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


def test_one_language_rebuild_uses_i18n_and_mkdocs_internals_still_there() -> None:
    """tools/workaround_one_language.py: mkdocs-static-i18n's ``building`` and
    ``current_language``, MkDocs' ``utils.clean_directory``, Material's index entries."""
    import mkdocs.commands.build
    import mkdocs.utils
    from material.plugins.search.plugin import SearchIndex
    from mkdocs_static_i18n.plugin import I18n

    others = inspect.getsource(I18n.on_post_build)
    assert "if self.building:" in others and "self.current_language = locale" in others, (
        "mkdocs-static-i18n builds its languages otherwise: adapt tools/workaround_one_language.py"
    )
    assert callable(mkdocs.utils.clean_directory)
    assert "utils.clean_directory(config.site_dir)" in inspect.getsource(
        mkdocs.commands.build.build
    ), "MkDocs empties the site folder otherwise: adapt tools/workaround_one_language.py"
    assert SearchIndex().entries == [], "Material's SearchIndex has no entries list any more"
    assert "self.search_index = SearchIndex(" in inspect.getsource(
        __import__("material.plugins.search.plugin", fromlist=["x"]).SearchPlugin
    )


def test_page_title_from_render_is_still_where_mkdocs_keeps_it() -> None:
    """tools/workaround_page_title.py: ``Page.title`` reads ``_title_from_render``."""
    from mkdocs.structure.pages import Page

    from tools import workaround_page_title as title

    assert "return self._title_from_render" in inspect.getsource(Page), (
        "MkDocs keeps a rendered page's title elsewhere: adapt tools/workaround_page_title.py"
    )
    page = Page.__new__(Page)
    title.set_rendered_title(page, "T")
    assert title.rendered_title(page) == "T"


def test_log_filter_matches_the_message_mkdocs_still_logs() -> None:
    """tools/workaround_log_filter.py matches MkDocs' exact words."""
    import logging

    import mkdocs.commands.build

    from tools import workaround_log_filter as log_filter

    source = inspect.getsource(mkdocs.commands.build._populate_page)
    assert "message = f\"Error reading page '{page.file.src_uri}':\"" in source, (
        "MkDocs words its page error otherwise: adapt or drop tools/workaround_log_filter.py"
    )

    def record(msg: str) -> logging.LogRecord:
        return logging.LogRecord("mkdocs.commands.build", logging.ERROR, "", 0, msg, None, None)

    keep = log_filter.CauseOnItsLine()
    assert not keep.filter(record("Error reading page 'a/b.md':"))
    assert keep.filter(record("Error reading page 'a/b.md': the cause"))
    log_filter.install()
    log_filter.install()
    found = logging.getLogger(log_filter.LOGGER).filters
    assert sum(isinstance(f, log_filter.CauseOnItsLine) for f in found) == 1


def test_atexit_still_runs_its_functions_on_demand() -> None:
    """tools/workaround_exitfuncs.py: ``atexit._run_exitfuncs`` runs what was registered."""
    import atexit

    from tools.workaround_exitfuncs import run_exit_functions

    ran: list[int] = []
    atexit.register(ran.append, 1)
    try:
        run_exit_functions()
    finally:
        atexit.unregister(ran.append)
    assert ran == [1], "atexit._run_exitfuncs changed: adapt tools/workaround_exitfuncs.py"


def test_a_process_still_copies_its_creators_multiprocessing_folder() -> None:
    """tools/workaround_mp_tempdir.py: a ``Process`` copies ``_config["tempdir"]``, and
    without it the started process makes a folder of its own."""
    import multiprocessing
    import multiprocessing.util

    from tools.workaround_mp_tempdir import forget_temp_dir

    ours = multiprocessing.util.get_temp_dir()
    process = multiprocessing.get_context("fork").Process(target=print)
    assert process._config.get("tempdir") == ours, (
        "Process no longer copies _config['tempdir']: adapt tools/workaround_mp_tempdir.py"
    )
    forget_temp_dir(process)
    assert "tempdir" not in process._config


def test_mkdocs_still_lists_theme_files_through_the_loader() -> None:
    """tools/hook_render_cache.py lists the theme's files once per process by replacing
    ``jinja2.FileSystemLoader.list_templates``: MkDocs must still call it."""
    import jinja2
    from mkdocs.structure.files import Files

    from tools import hook_render_cache as cache

    assert "env.list_templates(" in inspect.getsource(Files.add_files_from_theme), (
        "MkDocs lists theme files otherwise: adapt tools/hook_render_cache.py"
    )
    assert "self.loader.list_templates()" in inspect.getsource(jinja2.Environment.list_templates)
    assert list(inspect.signature(cache.LIST_TEMPLATES).parameters) == ["self"]
    assert cache.LIST_TEMPLATES is not cache.list_templates_once
    # the hidden files it leaves out are those MkDocs' own filter drops
    source = inspect.getsource(Files.add_files_from_theme)
    assert "'.*', '*/.*'" in source or '".*", "*/.*"' in source, (
        "MkDocs copies hidden theme files now: adapt list_templates_once"
    )


def test_highlight_cache_reads_inline_by_name() -> None:
    """Inline code passed by position or by name goes to pymdownx untouched (not memoised)."""
    import markdown
    from pymdownx.highlight import Highlight

    from tools import hook_render_cache as cache

    one = Highlight(markdown.Markdown())
    by_name = cache.highlight_once(one, "x", "python", inline=True)
    by_place = cache.highlight_once(one, "x", "python", "", None, 1, -1, -1, True)
    assert not isinstance(by_name, str) and not isinstance(by_place, str)


def test_livereload_requests_still_wait_on_the_epochs_we_move(tmp_path: Path) -> None:
    """tools/workaround_livereload.py: MkDocs' page requests wait until ``_visible_epoch``
    equals ``_wanted_epoch`` (set by the build loop before each rebuild); files are read
    from ``server.root`` at each request."""
    from mkdocs.livereload import LiveReloadServer

    from tools import workaround_livereload as livereload

    request = inspect.getsource(LiveReloadServer._serve_request)
    loop = inspect.getsource(LiveReloadServer._build_loop)
    assert "wait_for(lambda: self._visible_epoch == self._wanted_epoch)" in request, (
        "MkDocs' requests wait otherwise: adapt or drop tools/workaround_livereload.py"
    )
    assert "os.path.join(self.root, rel_file_path)" in request
    assert "self._wanted_epoch = _timestamp()" in loop
    assert "self._visible_epoch = self._wanted_epoch" in loop
    watch = inspect.getsource(LiveReloadServer.watch)
    assert "self._want_rebuild = True" in watch and "self._rebuild_cond.notify_all()" in watch
    assert "lambda: self._want_rebuild or self._shutdown" in loop  # what rebuild_soon wakes
    server = LiveReloadServer(lambda: None, "127.0.0.1", 0, str(tmp_path))
    try:
        server._wanted_epoch = server._visible_epoch + 1  # as the loop does: a rebuild runs
        with livereload.answering(server):
            assert server._visible_epoch == server._wanted_epoch
        assert server._wanted_epoch == server._visible_epoch + 1
        livereload.rebuild_soon(server)
        assert server._want_rebuild
    finally:
        server.server_close()


def test_dirty_build_still_warns_with_the_words_we_drop() -> None:
    """tools/workaround_one_language.py: MkDocs warns on every dirty build (strict mode
    counts it); ``quiet_dirty_build`` drops that message alone, while it runs."""
    import logging

    import mkdocs.commands.build

    from tools import workaround_one_language as one_language

    assert one_language.DIRTY_WARNING in inspect.getsource(mkdocs.commands.build.build), (
        "MkDocs words its dirty-build warning otherwise: adapt tools/workaround_one_language.py"
    )
    logger = logging.getLogger("mkdocs.commands.build")

    def shown(message: str) -> bool:
        record = logging.LogRecord(logger.name, logging.WARNING, "", 0, message, None, None)
        return logger.filter(record) is not False and bool(logger.filter(record))

    with one_language.quiet_dirty_build():
        assert not shown(one_language.DIRTY_WARNING + ", this will likely lead to …")
        assert shown("another warning")
    assert shown(one_language.DIRTY_WARNING + ", this will likely lead to …")


def test_material_palette_still_has_the_switching_rule_we_drop() -> None:
    """tools/workaround_palette_switch.py removes one rule, as Material writes it."""
    import material

    from tools import workaround_palette_switch as palette

    styles = Path(material.__file__).parent / "templates/assets/stylesheets"
    found = [p for p in styles.glob("palette.*.min.css") if palette.RULE in p.read_text("utf-8")]
    assert found, "Material's palette stylesheet changed: adapt or drop the workaround"
    bundle = next((styles.parent / "javascripts").glob("bundle.*.min.js")).read_text("utf-8")
    assert 'setAttribute("data-md-color-switching","")' in bundle  # why the rule cost


def test_material_bundle_still_sets_the_classes_and_meta_we_set_first() -> None:
    """tools/workaround_start_restyles.py sets first what Material's bundle sets as it
    starts: the classes on <html> (its own and the focus-visible polyfill's) and the
    color-scheme meta it appends to the head and then fills."""
    import material

    scripts = Path(material.__file__).parent / "templates/assets/javascripts"
    bundle = next(scripts.glob("bundle.*.min.js")).read_text("utf-8")
    classes = 'classList.remove("no-js");document.documentElement.classList.add("js")'
    assert classes in bundle, "Material no longer swaps no-js for js: adapt the workaround"
    assert 'documentElement.classList.add("js-focus-visible")' in bundle
    assert 'documentElement.setAttribute("data-js-focus-visible","")' in bundle
    meta = re.search(r'\{name:"color-scheme"\}\);document\.head\.appendChild\((\w+)\)', bundle)
    assert meta, "Material no longer appends its color-scheme meta to the head"
    assert re.search(rf"\b{meta[1]}\.content=\w+\.colorScheme", bundle)


def test_jupyter_still_writes_a_list_into_a_style_element(tmp_path: Path) -> None:
    """``tools.notebook_pages`` drops the ``<style>`` holding the repr of a Python list that
    mkdocs-jupyter writes after every notebook (``_LIST_STYLE``)."""
    import nbformat
    from mkdocs_jupyter.nbconvert2 import nb2html

    from tools.notebook_pages import _LIST_STYLE

    notebook = tmp_path / "demo.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")]), notebook)
    assert len(_LIST_STYLE.findall(nb2html(str(notebook)))) == 1, (
        "mkdocs-jupyter no longer writes a list's repr into a <style>: _LIST_STYLE in "
        "tools/notebook_pages.py can go"
    )
