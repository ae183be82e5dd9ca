"""tools/estimates.py: how tall the article's boxes may be before they are laid out (the
browser check that each estimate errs tall is in tests/test_browser_pages.py)."""

from __future__ import annotations

from tools import estimates


def test_each_table_material_wraps_sits_in_a_box_of_its_own() -> None:
    html = '<p>x</p>\n<table>\n<tr><td>1</td></tr>\n</table>\n<table class="x"></table>'
    assert estimates.tables_in_boxes(html) == (
        '<p>x</p>\n<div style="--estimate:6em"><table>\n<tr><td>1</td></tr>\n</table></div>\n'
        '<table class="x"></table>'
    )


def test_a_table_s_estimate_grows_with_its_longest_cells() -> None:
    row = "<tr><td>{}</td><td>x</td></tr>"
    short = estimates.table_estimate("<table>" + row.format("短") + "</table>")
    long = estimates.table_estimate("<table>" + row.format("很长的中文" * 20) + "</table>")
    assert long > short + 10
    assert estimates.table_estimate("<table>" + row.format("x") * 3 + "</table>") > short * 2


def test_text_boxes_after_the_first_section_heading_get_estimates() -> None:
    page = (
        "<p>intro</p>\n<h2>A</h2>\n<p>中文段落。</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n"
        '<div class="admonition note"><p class="admonition-title">Note</p><p>n</p></div>\n'
        '<p style="color:red">own style</p>\n<p><img src="a.png" alt="a"></p>\n'
        '<div class="tabbed-set"><p>t</p></div>'
    )
    out = estimates.text_boxes_sized(page)
    assert out.count("--estimate") == 3  # the paragraph, the list and the note
    assert out.startswith("<p>intro</p>\n<h2>A</h2>\n")  # before the first heading: as is
    assert '<p style="--estimate:4em">中文段落。</p>' in out
    assert '<ul style="--estimate:7em">' in out and "<li>one</li>" in out  # items untouched
    assert '<div class="admonition note" style="--estimate:10em">' in out
    assert out.endswith(page.split("<p style=")[1])  # own style, figure, tabs: as is
    assert estimates.text_boxes_sized(out) == out  # once only


def test_an_estimate_grows_with_text_items_and_code() -> None:
    one = estimates.estimate("<p>short</p>")
    assert one is not None
    assert (estimates.estimate("<p>" + "字" * 90 + "</p>") or 0) >= one + 6  # 5 lines more
    assert (estimates.estimate("<p>" + "w" * 320 + "</p>") or 0) >= one + 14  # 9 lines more
    code = estimates.estimate("<div><pre><code>a\nb\nc</code></pre></div>") or 0
    assert code >= 1.5 * 3 + 2
    assert estimates.estimate('<p><img src="a"></p>') is None
    # math and folded blocks are sized too: a displayed formula, a row more for each \\
    inline = estimates.estimate('<p>a <span class="arithmatex">\\(x\\)</span></p>') or 0
    shown = estimates.estimate('<p>a</p><div class="arithmatex">\\[x\\]</div>') or 0
    rows = estimates.estimate('<p>a</p><div class="arithmatex">\\[x \\\\ y \\\\ z\\]</div>')
    assert inline == one and shown >= one + 4 and (rows or 0) >= shown + 4
    folded = estimates.estimate("<ol><li><details><summary>S</summary><p>t</p></details></li></ol>")
    assert (folded or 0) >= one + 3.5
