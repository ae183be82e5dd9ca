"""``tools.css_purge``: a stylesheet cut to what a page can use. The browser test
``test_a_notebook_page_looks_the_same_as_with_all_of_jupyterlabs_stylesheet`` checks the
real notebook pages against JupyterLab's whole stylesheet."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from tools import css_purge
from tools.css_purge import purge
from tools.notebook_pages import NotebookPages

PAGE = '<div class="jupyter-wrapper"><div class="jp-Cell jp-mod-code" id="cell-1">x</div></div>'


@pytest.mark.parametrize(
    "rule",
    [
        ".jupyter-wrapper .jp-Cell{color:red}",
        "div{color:red}",  # no class: may match
        "#cell-1{color:red}",
        ".jupyter-wrapper .jp-Cell:not(.jp-mod-active){color:red}",  # :not() requires nothing
        ".jp-Cell:not(:root){color:red}",  # :root in parentheses is not the selector's own
        ".jp-Cell:is(.jp-Unused,.jp-Other) > div{color:red}",
        '.jp-Cell[data-type="markdown"]{color:red}',
        ".jupyter-wrapper .md-typeset__scrollwrap{margin:0}",  # Material's, added by its script
        ".jp-Unused,.jp-Cell{color:red}",  # one selector of the list can match
        ".jp-Cell{color:red!important}",
        ":root{color:red}",
    ],
)
def test_a_rule_that_can_match_is_kept_as_it_was(rule: str) -> None:
    assert purge(rule, PAGE) == rule


@pytest.mark.parametrize(
    "rule",
    [
        ".jupyter-wrapper .jp-Unused{color:red}",
        ".jp-Cell.jp-mod-active{color:red}",  # every class of a selector must be there
        "#cell-2{color:red}",
        ".jupyter-wrapper :root{--jp-icon:url(x.svg)}",  # :root inside something: never
        ".jp-Unused:hover,.jp-Other::before{color:red}",
    ],
)
def test_a_rule_that_cannot_match_is_dropped(rule: str) -> None:
    assert purge(rule, PAGE) == ""


def test_media_rules_are_cut_the_same_way_and_other_at_rules_kept() -> None:
    css = (
        "@media (max-width:760px){.jp-Cell{color:red}.jp-Unused{color:blue}}"
        "@media print{.jp-Unused{color:blue}}"
        "@keyframes spin{to{transform:rotate(1turn)}}"
        "@supports (display:grid){.jp-Cell{display:grid}}"
    )
    assert purge(css, PAGE) == (
        "@media (max-width:760px){.jp-Cell{color:red}}"
        "@keyframes spin{to{transform:rotate(1turn)}}"
        "@supports (display:grid){.jp-Cell{display:grid}}"
    )


def test_jupyterlabs_custom_properties_stay_where_something_uses_them() -> None:
    css = (
        ".jupyter-wrapper{--jp-a:var(--jp-b);--jp-b:1px;--jp-unused:2px;--jp-named:3px;"
        "--md-code-bg-color:#000}"
        ".jp-Cell{padding:var(--jp-a)}"
        ".jp-Unused{margin:var(--jp-unused)}"
    )
    page = PAGE + "<script>getPropertyValue('--jp-named')</script>"
    assert purge(css, page) == (
        ".jupyter-wrapper{--jp-a:var(--jp-b);--jp-b:1px;--jp-named:3px;--md-code-bg-color:#000}"
        ".jp-Cell{padding:var(--jp-a)}"
    )
    assert purge(".jupyter-wrapper{--jp-unused:2px}", PAGE) == ""  # nothing left: no rule


def test_comments_go_and_a_page_without_the_words_keeps_only_what_needs_none() -> None:
    css = "/* JupyterLab */ body{margin:0} .jp-Cell{color:red}"
    assert purge(css, "<p>text</p>") == "body{margin:0}"


def test_a_pages_cut_is_kept_until_its_stylesheet_or_html_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``NotebookPages.purged`` keeps each page's cut in ``.cache/css/``: a warm build parses
    no stylesheet; another stylesheet or other HTML is cut again."""
    pages = NotebookPages()
    pages.cache = tmp_path / "css"
    page = SimpleNamespace(file=SimpleNamespace(src_uri="notebooks/x.ipynb"))
    css = ".jp-Cell{color:red}.jp-Unused{color:blue}"
    first = pages.purged(css, PAGE, page)
    assert first == ".jp-Cell{color:red}" and len(list(pages.cache.iterdir())) == 1

    def unused(css: str, html: str) -> str:
        raise AssertionError("cut again")

    monkeypatch.setattr(css_purge, "purge", unused)
    assert pages.purged(css, PAGE, page) == first
    monkeypatch.undo()
    assert pages.purged(css, PAGE + '<i class="jp-Unused">', page) == css
    assert pages.purged(css + "b{x:y}", PAGE, page).endswith("b{x:y}")
    assert len(list(pages.cache.iterdir())) == 1  # one file a page
