"""tools/hook_light_pages.py: each page links what it uses; one search index a language;
and what it relies on in Material's bundle is still there."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import material

from tests.project import SITE
from tools import code_spans
from tools import hook_light_pages as light

BUNDLE = next(Path(material.__file__).parent.glob("templates/assets/javascripts/bundle.*.min.js"))
PAGE = """<html><head>
  <link rel="stylesheet" href="../assets/stylesheets/main.css">
  </head><body><article>{body}</article>
    <script src="../assets/javascripts/bundle.0123abcd.min.js"></script>
      <script src="../assets/javascripts/a11y.js"></script>
</body></html>"""


def scripts(html: str) -> list[str]:
    return [s.split('"')[1] for s in html.split("<script src=")[1:]]


def test_a_page_links_katex_and_mermaid_only_when_it_uses_them() -> None:
    plain = light.page_assets(PAGE.format(body="<p>text</p>"))
    assert scripts(plain) == [
        "../assets/javascripts/search-lazy.js",  # before the bundle: it wraps its request
        "../assets/javascripts/bundle.0123abcd.min.js",
        "../assets/javascripts/a11y.js",
    ]
    assert "katex" not in plain and "mermaid" not in plain
    both = light.page_assets(
        PAGE.format(
            body='<span class="arithmatex"><span class="katex">x</span></span>'
            '<pre class="mermaid"><code>flowchart LR</code></pre>'
        )
    )
    assert scripts(both)[2:] == [
        "../assets/javascripts/mermaid-loader.js",  # a diagram not drawn yet
        "../assets/javascripts/a11y.js",
    ]  # no KaTeX script: the math comes typeset (tools.formulas), with KaTeX's stylesheet
    head = both.split("</head>")[0]
    assert head.endswith('<link rel="stylesheet" href="../assets/vendor/katex/katex.min.css">\n  ')
    assert light.page_assets(both) == both  # once only


def test_each_language_gets_the_search_entries_of_its_pages(tmp_path: Path) -> None:
    docs = [{"location": x.prefix + "tensors/", "title": x.code} for x in SITE.locales]
    lunr = sorted(x.code for x in SITE.written)  # Material's search languages
    (tmp_path / "search").mkdir()
    (tmp_path / "search/search_index.json").write_text(
        json.dumps({"config": {"lang": lunr}, "docs": docs}), encoding="utf-8"
    )
    written = light.split_search_index(tmp_path, SITE.locales)
    assert len(written) == len(SITE.locales)
    for x in SITE.locales:
        index = json.loads((tmp_path / f"search/search_index.{x.code}.json").read_text("utf-8"))
        assert index["config"] == {"lang": lunr}
        assert [d["title"] for d in index["docs"]] == [x.code]


def test_figures_become_files_with_their_size(tmp_path: Path) -> None:
    import io

    from PIL import Image

    def png(colour: str) -> str:
        buffer = io.BytesIO()
        Image.new("RGB", (30, 20), colour).save(buffer, format="PNG")
        return base64.b64encode(buffer.getvalue()).decode()

    html = (
        f'<img class="snippet-output__figure snippet-output__figure--light" alt="a" '
        f'src="data:image/png;base64,{png("white")}">\n'
        f'<img class="snippet-output__figure snippet-output__figure--dark" alt="a" '
        f'src="data:image/png;base64,{png("black")}">'
    )
    nested = next(x for x in SITE.locales if x.prefix)  # a language under a prefix: two deep
    out = light.figures_to_files(html, f"{nested.prefix}layers/", tmp_path)
    light_img, dark_img = out.split("\n")
    assert light_img.startswith('<img class="snippet-output__figure snippet-output__figure--light"')
    assert dark_img.startswith('<img class="snippet-output__figure snippet-output__figure--dark"')
    # both fetched as they near the screen (the dark one only where it is shown)
    assert light_img.endswith('width="30" height="20" loading="lazy">')
    assert dark_img.endswith('width="30" height="20" loading="lazy">')
    written = sorted((tmp_path / "assets" / "figures").iterdir())
    assert len(written) == 2 and "data:" not in out
    # a GPU tab's figures come marked lazy, light and dark alike, and stay so (once)
    recorded = light.figures_to_files(
        html.replace('alt="a" ', 'alt="a" loading="lazy" '), "", tmp_path
    )
    assert all('loading="lazy" src="' in x for x in recorded.split("\n"))
    assert recorded.count('loading="lazy"') == 2 and "data:" not in recorded
    for path in written:
        assert f'src="../../assets/figures/{path.name}"' in out
        assert base64.b64encode(path.read_bytes()).decode() in html


def test_material_still_works_the_way_the_loaders_expect() -> None:
    """search-lazy.js wraps the bundle's XMLHttpRequest for search/search_index.json;
    mermaid-loader.js stands in for the global `mermaid`, without which the bundle fetches
    Mermaid from unpkg.com; content.lazy sets up code blocks as they near the screen."""
    bundle = BUNDLE.read_text(encoding="utf-8")
    assert 'new URL("search/search_index.json"' in bundle
    assert "new XMLHttpRequest" in bundle
    assert 'typeof mermaid=="undefined"' in bundle and "unpkg.com/mermaid" in bundle
    assert 'V("content.lazy")' in bundle


STYLES = Path(material.__file__).parent / "templates/assets/stylesheets"
OURS = Path(__file__).resolve().parent.parent / "docs/assets/stylesheets/snippet-output.css"
HL = '<div class="language-python highlight"><span class="filename">a.py</span><pre><span></span><code>{}</code></pre></div>'


def test_code_keeps_its_text_and_colours_with_fewer_spans() -> None:
    code = (
        '<span class="n">x</span><span class="w"> </span><span class="o">=</span> '
        '<span class="n">f</span><span class="p">(</span><span class="sa">f</span>'
        '<span class="s2">&quot;a</span><span class="si">{</span><span class="n">y</span>'
        '<span class="si">}</span><span class="s2">&quot;</span><span class="p">)</span>'
        '<span class="p">,</span>  <span class="c1"># (1) note</span>\n'
        '<span class="hll"><span class="k">if</span><span class="w"> </span>'
        '<span class="k">not</span></span>\n'
    )
    out = code_spans.lighter(HL.format(code))
    assert out == HL.replace("<pre><span></span><code>", '<pre><code style="--lines:2">').format(
        'x <span class="o">=</span> f<span class="p">(</span>f<span class="s2">&quot;a{</span>y'
        '<span class="si">}&quot;</span><span class="p">),</span>  '
        '<span class="c1"># (1) note</span>\n'
        '<span class="hll"><span class="k">if not</span></span>\n'
    )
    assert code_spans.lighter(out) == out  # once only
    notebook = HL.replace("language-python highlight", "highlight-ipynb").format(code)
    assert code_spans.lighter(notebook) == notebook


def test_outputs_get_their_number_of_lines() -> None:
    output = '<div class="snippet-output"><p>out</p>\n<pre><code tabindex="0">{}</code></pre></div>'
    assert code_spans.lighter(output.format("a\nb\n")) == output.replace(
        'tabindex="0"', 'tabindex="0" style="--lines:2"'
    ).format("a\nb\n")
    assert "--lines:3" in code_spans.lighter(output.format("a\n\nno newline at the end"))


def _colours(css: str, scope: str) -> dict[str, str]:
    """The ``--md-code-hl-*-color`` values set by the rules of ``css`` for ``scope``."""
    found: dict[str, str] = {}
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        if scope in selector.replace('"', ""):
            found.update(re.findall(r"--md-code-hl-(\w+)-color:\s*([^;}]+)", body))
    return found


def test_code_span_colours_are_the_themes() -> None:
    """Canary: code_spans' colour groups against Material's stylesheet and ours."""
    main = next(STYLES.glob("main.*.min.css")).read_text(encoding="utf-8")
    palette = next(STYLES.glob("palette.*.min.css")).read_text(encoding="utf-8")
    ours = OURS.read_text(encoding="utf-8")
    rules = re.findall(r"([^{}]+)\{([^{}]*)\}", main)
    token_colour: dict[str, str] = {}
    for selector, body in rules:
        classes = re.findall(r"^\.highlight \.([a-z0-9]+)$", selector.replace(",", "\n"), re.M)
        colour = re.fullmatch(r"color:var\(--md-code-hl-(\w+)-color\)", body)
        for cls in classes:
            if colour is None:
                assert cls in code_spans.KEEP or cls == "hll", (cls, body)
            else:
                token_colour[cls] = colour[1]
    assert set(token_colour) - code_spans.KEEP == set(code_spans.COLOUR) | code_spans.PLAIN
    assert (
        ".md-typeset code,.md-typeset kbd,.md-typeset pre{font-variant-ligatures:none;color:var(--md-code-fg-color)"
        in main
    )
    schemes = {
        "default": {**_colours(main, ":root"), **_colours(ours, "[data-md-color-scheme=default]")},
        "slate": {
            **_colours(main, ":root"),
            **_colours(palette, "[data-md-color-scheme=slate]"),
            **_colours(ours, "[data-md-color-scheme=slate]"),
        },
    }
    for values in schemes.values():
        for cls in code_spans.PLAIN:
            assert values[token_colour[cls]] == "var(--md-code-fg-color)"
        for group in set(code_spans.COLOUR.values()):
            members = [c for c, g in code_spans.COLOUR.items() if g == group]
            assert len({values[token_colour[c]].strip() for c in members}) == 1, members


def test_the_start_script_goes_after_material_s_head_script_once() -> None:
    from tools import workaround_start_restyles as start

    material = '<script>__md_scope=new URL("..",location),__md_get=()=>null</script>\n'
    page = light.page_assets(PAGE.replace("</head>", material + "</head>"))
    once = start.inline(f"<head>{material}</head>")
    assert once.count(start.SCRIPT) == 1 and once.index("__md_scope") < once.index(start.SCRIPT)
    assert start.inline(once) == once
    assert start.inline("<head></head>") == "<head></head>"  # not Material's page: unchanged
    assert start.SCRIPT.count("classList") == 2 and "color-scheme" in start.SCRIPT
    assert page.count(start.SCRIPT) == 1
