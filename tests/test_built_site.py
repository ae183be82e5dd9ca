"""The real site, built once with ``mkdocs build --strict``, as a reader receives it."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from tests.project import SITE
from tools import cjk, generate, pages
from tools.environment import cpu_identity
from tools.runner import ROOT, Runner

PAGES = sorted(SITE.slug(p) for p in SITE.pages())
LANGS = [x.code for x in SITE.locales]  # hand-written and generated


def url_path(slug: str, lang: str) -> str:
    """Where a page is served, relative to the site root ('' for the home page)."""
    path = slug[: -len("index")] if slug.endswith("index") else f"{slug}/"
    return SITE.locale(lang).prefix + path


def built(site: Path, slug: str, lang: str) -> str:
    return (site / url_path(slug, lang) / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("slug", PAGES)
def test_each_block_has_its_real_output(site: Path, slug: str) -> None:
    runner = Runner(ROOT)
    shown = pages.shown(SITE, SITE.docs / SITE.default.page(slug))
    expected = [s.relative_to(SITE.snippets).as_posix() for s in shown]
    for lang in LANGS:  # generated pages show the same code and output, unconverted
        page = built(site, slug, lang)
        shown = re.findall(
            r'<div class="snippet-output" data-snippet="snippets/([^"]+)">'
            r'\n<p[^>]*>[^<]*</p>\n(?:<pre><code tabindex="0"[^>]*>(.*?)</code></pre>)?\n?'
            r'(?:<p class="snippet-output__stream">stderr</p>\n'
            r'<pre class="snippet-output__stderr"><code tabindex="0"[^>]*>(.*?)</code></pre>)?',
            page,
            flags=re.S,
        )
        assert [s for s, _, _ in shown] == expected, f"{slug}.{lang}.md"
        assert "snippet-output--pending" not in page
        for snippet, code, stderr in shown:
            result = runner.result(ROOT / "snippets" / snippet)
            assert html.unescape(code) == result.stdout, f"{slug}.{lang}.md: {snippet}"
            assert html.unescape(stderr) == result.stderr, f"{slug}.{lang}.md: {snippet}"


@pytest.mark.parametrize("slug", PAGES)
def test_language_switch_keeps_the_page(site: Path, slug: str) -> None:
    """Every page offers every language, in mkdocs.yml's order, each link landing on the
    same page in that language."""
    names = [x.name for x in SITE.locales]
    for here in SITE.locales:
        page = built(site, slug, here.code)
        assert f'<html lang="{here.code}"' in page, (slug, here.code)
        links = re.findall(
            r'<a href="([^"]+)" hreflang="([^"]+)" class="md-select__link">'
            r"\s*([^<]+?)\s*</a>",
            page,
        )
        assert [name for _, _, name in links] == names, (slug, here.code)
        base = "http://site/" + url_path(slug, here.code)
        for href, code, _ in links:
            target = urlsplit(urljoin(base, href)).path.lstrip("/")
            assert target == url_path(slug, code), (slug, here.code, code, href)


def test_search_finds_chinese_and_english_words(site: Path) -> None:
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    tokens = set()
    for doc in index["docs"]:
        tokens |= set(
            re.split(
                r"[\s\u200b\-_,:!=\[\]()\"`/.。，：、（）]+",
                html.unescape(re.sub("<[^>]+>", " ", doc["text"] + " " + doc["title"])).lower(),
            )
        )
    chinese = ("张量", "广播", "形状", "梯度")
    terms = [*chinese, "tensor", "broadcasting"] + [
        generate.for_locale(SITE, x)(t) for x in SITE.generated for t in chinese
    ]
    for term in terms:
        assert term in tokens, f"search index has no token {term!r}"


def test_nothing_is_loaded_from_elsewhere(site: Path) -> None:
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        external = re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="(https?:)?//[^"]+"', text)
        assert not external, f"{page.relative_to(site)} loads {external}"


def test_no_chapter_snippet_takes_over_10_seconds(site: Path) -> None:
    # CPU time, not wall time: wall time depends on what else the machine runs (the
    # tests run snippets in parallel). The long end-to-end examples are exempt.
    runner = Runner(ROOT)
    slow = {}
    for snippet in sorted((ROOT / "snippets").rglob("*.py")):
        rel = snippet.relative_to(ROOT).as_posix()
        cpu = runner.result(snippet).cpu_seconds  # cached by the build above
        if cpu > 10 and not rel.startswith("snippets/examples/"):
            slow[rel] = round(cpu, 1)
    assert not slow, f"snippets over 10 s of CPU time: {slow}"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if (
                name in ("href", "src")
                and value
                and not value.startswith(("data:", "mailto:", "javascript:"))
            ):
                self.links.append(value)


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    parsed: dict[Path, _Links] = {}

    def parse(path: Path) -> _Links:
        if path not in parsed:
            parsed[path] = _Links()
            parsed[path].feed(path.read_text(encoding="utf-8"))
        return parsed[path]

    broken, external = [], set()
    for page in sorted(site.rglob("*.html")):
        for link in parse(page).links:
            url = urlsplit(link)
            if url.scheme or url.netloc:
                external.add(link)
                continue
            base = site if url.path.startswith("/") else page.parent  # site served at /
            target = (base / unquote(url.path).lstrip("/")).resolve() if url.path else page
            if target.is_dir():
                target = target / "index.html"
            where = f"{page.relative_to(site)} -> {link}"
            if not target.is_file():
                broken.append(f"{where}: no such file")
            elif (
                url.fragment
                and target.suffix == ".html"
                and unquote(url.fragment) not in parse(target).ids
            ):
                broken.append(f"{where}: no such anchor")
    artifacts = ROOT / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    (artifacts / "external-links.txt").write_text(
        "\n".join(sorted(external)) + "\n", encoding="utf-8"
    )
    assert not broken, "\n".join(broken[:50])


def test_every_figure_has_alt_text_that_says_what_it_shows(site: Path) -> None:
    """Alt text from the figure itself (titles, labels, legends), never a bare number."""
    bare, seen = [], 0
    for slug in PAGES:
        for lang in LANGS:
            for alt in re.findall(
                r'<img class="snippet-output__figure[^"]*" alt="([^"]*)"', built(site, slug, lang)
            ):
                seen += 1
                problem = pages.alt_problem(html.unescape(alt), f"{slug} ({lang})")
                bare += [problem] if problem else []
    assert seen > 20
    assert not bare, "\n".join(bare)  # the rule and words of `python -m tools.check PAGE`


@pytest.mark.parametrize("lang", LANGS)
def test_execution_report_lists_every_snippet(site: Path, lang: str) -> None:
    """The report page (generated from the build's own results) names every snippet in
    snippets/, the ten slowest first, with the times of the runs the pages show."""
    page = built(site, "examples/report", lang)
    every = page[page.index('id="all"') :]
    listed = re.findall(r"<td><code>([^<]+\.py)</code></td>", every)
    assert listed == sorted(
        p.relative_to(ROOT / "snippets").as_posix() for p in (ROOT / "snippets").rglob("*.py")
    )
    slowest = page[page.index('id="slowest"') : page.index('id="per-page"')]
    rows = re.findall(
        r"<td><code>([^<]+\.py)</code></td>.*?<td>(\d+\.\d\d)</td>", slowest, flags=re.S
    )
    assert len(rows) == 10
    times = [float(t) for _, t in rows]
    assert times == sorted(times, reverse=True)
    runner = Runner(ROOT)
    for name, shown in rows:
        assert shown == f"{runner.result(ROOT / 'snippets' / name).seconds:.2f}", name


def test_theme_words_are_in_the_page_language(site: Path) -> None:
    """The theme's own words (skip link, search box, footer) on every page are Material's
    for the language mkdocs.yml gives that locale (theme.language, else its code): an
    English page once carried 繁體中文's ("跳轉至", "搜尋", "上一頁")."""
    import material
    from mkdocs.utils.yaml import yaml_load

    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    words = Path(material.__file__).parent / "templates/partials/languages"
    wrong = []
    for entry in i18n["languages"]:
        language = (entry.get("theme") or {}).get("language") or entry["locale"]
        table = (words / f"{language}.html").read_text(encoding="utf-8")
        skip, placeholder = (
            re.search(rf'"{key}": "([^"]*)"', table).group(1)  # type: ignore[union-attr]
            for key in ("action.skip", "search.placeholder")
        )
        for slug in PAGES:
            page = built(site, slug, entry["locale"])
            found = re.search(r'class="md-skip">\s*([^<]*?)\s*</a>', page)
            if (found and found.group(1)) != skip or f'placeholder="{placeholder}"' not in page:
                wrong.append(f"{entry['locale']}/{slug}: {found and found.group(1)!r}")
    assert not wrong, f"theme words of another language ({len(wrong)} pages): {wrong[:5]}"


def test_admonition_titles_are_in_the_page_language(site: Path) -> None:
    """An admonition without a title is titled with its type ("note"): in the page's
    language (i18n's admonition_translations), not in English on a Chinese page."""
    english = {"Note", "Tip", "Warning", "Info", "Example", "Danger"}
    wrong = []
    for x in SITE.locales:
        if (x.source or x.code) != SITE.default.code:
            continue
        for slug in PAGES:
            titles = re.findall(r'class="admonition-title">([^<]*)', built(site, slug, x.code))
            wrong += [f"{x.code}/{slug}: {t}" for t in titles if t in english]
    assert not wrong, "add these types to admonition_translations in mkdocs.yml:\n" + "\n".join(
        wrong
    )


class _Prose(HTMLParser):
    """A page's prose, one string per block (paragraph, list item, cell, heading...),
    with inline tags dropped; code, math, diagrams, scripts and styles become one
    character that is not CJK (what stands around them is not a gap between two CJK
    characters)."""

    SKIP = {"pre", "code", "script", "style", "textarea", "svg", "kbd"}
    INLINE = set(cjk.INLINE.split("|"))
    VOID = {"br", "img", "input", "hr", "meta", "link", "wbr", "source", "col", "area"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.text: list[str] = []
        self.skip: list[str] = []  # open tags whose text is not prose

    def _flush(self) -> None:
        if self.text:
            self.blocks.append("".join(self.text))
            self.text = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip:
            if tag == self.skip[-1] or tag not in self.VOID:
                self.skip.append(tag)
            return
        classes = (dict(attrs).get("class") or "").split()
        if tag in self.SKIP or "arithmatex" in classes:
            self.text.append("\x00")
            if tag not in self.VOID:
                self.skip.append(tag)
        elif tag not in self.INLINE:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            self.skip.pop()
            return
        if tag not in self.INLINE:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.text.append(data)


def cjk_gaps(page: str) -> list[str]:
    """Whitespace between two CJK characters (or CJK punctuation) in the page's prose."""
    body = page[page.index("<article") : page.index("</article>")]
    parser = _Prose()
    parser.feed(body)
    parser.close()
    gap = re.compile(rf"[{cjk.STRICT}]\s+[{cjk.STRICT}]")
    return [
        block[max(0, m.start() - 12) : m.end() + 12]
        for block in parser.blocks
        for m in gap.finditer(block)
    ]


def test_chinese_prose_has_no_gaps_between_characters(site: Path) -> None:
    """Chromium shows a newline (or a space) between two Chinese characters as a space:
    none in the prose of the Chinese pages, written or generated (tools/cjk.py)."""
    found = []
    for x in SITE.locales:
        if not (x.default or x.generated):  # the default language and its conversions
            continue
        for slug in PAGES:
            found += [f"{x.code}/{slug}: {g!r}" for g in cjk_gaps(built(site, slug, x.code))]
    assert not found, f"{len(found)} gaps:\n" + "\n".join(found[:40])


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_says_where_its_outputs_come_from(site: Path, lang: str) -> None:
    """Under the title of every page with blocks: when and with what they ran, in the
    page's language, linking to the execution report, whose environment table is there."""
    runner = Runner(ROOT)
    words = SITE.labels(lang)["stamp"]
    for slug in PAGES:
        shown = pages.shown(SITE, SITE.docs / SITE.default.page(slug))
        page = built(site, slug, lang)
        stamp = re.search(r'<p class="page-stamp">(.*?) · <a href="([^"]+)">([^<]+)</a></p>', page)
        if not shown:
            assert stamp is None, slug
            continue
        assert stamp, f"{slug} ({lang}): no stamp under the title"
        assert page.index('class="page-stamp"') < page.index('class="snippet-output"'), slug
        results = [runner.cached(s) for s in shown]
        torch = results[0].torch if results[0] else ""
        assert f"torch {torch}" in stamp.group(1) and "Python 3." in stamp.group(1), slug
        assert stamp.group(3) == words["report"], slug
        target = urljoin(f"https://x/{url_path(slug, lang)}", stamp.group(2))
        assert target == f"https://x/{url_path('examples/report', lang)}", slug
    report = built(site, "examples/report", lang)
    assert 'id="environment"' in report and "<th>numpy</th>" in report
    # the kind of CPU, on which the last digits of long runs depend
    assert "<th>CPU</th>" in report and f"<code>{cpu_identity()}</code>" in report


def test_no_rule_restyles_every_element_on_a_palette_switch(site: Path) -> None:
    """tools/workaround_palette_switch.py: the built palette stylesheet has no rule on
    Material's data-md-color-switching (it restyled every element twice per page load)."""
    sheets = list((site / "assets" / "stylesheets").glob("palette.*.min.css"))
    assert sheets and not any("data-md-color-switching" in p.read_text("utf-8") for p in sheets)


def test_every_page_sets_material_s_start_classes_and_meta_first(site: Path) -> None:
    """tools/workaround_start_restyles.py: every page Material renders has the script in
    its head, once, after Material's own head script (the 404 page too, which also fetches
    no search index until search is used); every table is in a box of its own."""
    from tools import workaround_start_restyles as start

    pages_ = [p for p in site.rglob("*.html") if "__md_scope" in p.read_text("utf-8")]
    assert len(pages_) > 90
    for path in pages_:
        text = path.read_text("utf-8")
        head = text[: text.index("</head>")]
        assert head.count(start.SCRIPT) == 1, path
        boxes = re.findall(r'(<div style="--estimate:\d+em">)?<table>', text)
        assert all(boxes), path
        assert "search-lazy.js" in text, path


def test_every_diagram_is_drawn_and_every_drawing_used(site: Path) -> None:
    """tools/diagrams.py: each diagram comes as SVG (no page fetches Mermaid), and
    diagrams/ holds no drawing that no page shows."""
    from tools import diagrams

    folder = SITE.diagrams
    undrawn = diagrams.undrawn(site, folder)
    assert not undrawn, (
        f"diagrams without a drawing on {sorted(undrawn)}: run `mkdocs build && python -m "
        "tools.diagrams`, then commit diagrams/"
    )
    unused = {p.stem for p in folder.glob("*.svg")} - diagrams.needed(site)
    assert not unused, f"diagrams/ has drawings no page shows: {sorted(unused)}"
    assert not [p for p in site.rglob("*.html") if "mermaid-loader.js" in p.read_text("utf-8")]


def test_every_formula_is_typeset_and_no_page_runs_katex(site: Path) -> None:
    """tools/formulas.py: each formula comes as KaTeX's HTML, and a page with math links
    KaTeX's stylesheet and no KaTeX script."""
    with_math = 0
    for path in site.rglob("*.html"):
        text = path.read_text("utf-8")
        assert "katex.min.js" not in text and "auto-render" not in text, path
        if 'class="arithmatex"' not in text:
            continue
        with_math += 1
        assert "vendor/katex/katex.min.css" in text[: text.index("</head>")], path
        untyped = re.findall(r'class="arithmatex"[^>]*>(?!<span class="katex)(.{0,40})', text)
        assert not untyped, f"{path}: formulas not typeset: {untyped[:3]}"
    assert with_math >= 40
