"""Every page in the browser: it renders completely (images, math, diagrams, notebooks;
nothing sideways on a phone), axe finds no serious accessibility violation, and a first
visit transfers little (headless Chromium against the built site; see
``tests/test_browser.py``)."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser import (
    ARTIFACTS,
    GENERATED,
    NARROW,
    WIDE,
    Reader,
    narrow_problems,
    underestimated,
    wait_for_diagrams,
    wait_for_search_index,
)
from tests.project import DEFAULT, OTHER, SITE
from tests.test_built_site import PAGES, url_path
from tests.test_notebooks import EXAMPLES

SLUGS = PAGES + [f"notebooks/{p.stem}" for p in EXAMPLES]


# One page of each type (the smaller ones: axe takes 1-3 s a page): home, a chapter with a
# diagram, an example, the report, a notebook, and the search dialog open with results.
AXE_PAGES = [
    "index",
    "data",
    "examples/custom-module",
    "examples/report",
    "notebooks/linear_broadcasting",
    "search",
]


@pytest.mark.parametrize(
    ("lang", "scheme"),
    [
        (x.code, scheme)
        for x in SITE.locales
        for scheme in (["default", "slate"] if x.code == DEFAULT else ["default"])
    ],
)
def test_accessibility_has_no_serious_violations(reader: Reader, lang: str, scheme: str) -> None:
    """axe-core on every page type, in each language: no serious or critical violation;
    the minor and moderate ones go to test-artifacts/axe-<lang>-<scheme>.json.

    What the palette changes is colour (the palette's CSS, which every language shares)
    and which copy of each figure shows (the dark one's alt text is the light one's:
    ``render.py``, checked on every figure of the built site by
    ``tests/test_built_site.py``). So colour contrast, three quarters of axe's time, is
    checked on the default language's pages in both palettes, with every other rule;
    the other languages' pages get every other rule, in the default palette (their
    slate run checked the same rules on the same markup again)."""
    from axe_playwright_python.sync_playwright import Axe

    axe, serious, rest = Axe(), [], {}
    options: dict[str, object] = {"resultTypes": ["violations"]}
    if lang != DEFAULT:
        options["rules"] = {"color-contrast": {"enabled": False}}
    page = reader.open(url_path("index", lang), wait_until="load")
    if page.locator("body").get_attribute("data-md-color-scheme") != scheme:
        page.locator("form[data-md-component=palette] label:visible").first.click()
    for slug in AXE_PAGES:
        if slug == "search":
            page = reader.open(url_path("index", lang), wait_until="load")
            page.click(".md-search__input")
            wait_for_search_index(page)
            page.fill(
                ".md-search__input",
                "tensor" if lang == OTHER else GENERATED.get(lang, lambda t: t)("张量"),
            )
            page.press(".md-search__input", "End")  # Material searches on key events
            page.locator(".md-search-result__item").first.wait_for()
        else:
            page = reader.open(url_path(slug, lang), wait_until="load")
        assert page.locator("body").get_attribute("data-md-color-scheme") == scheme
        for v in axe.run(page, options=options).response["violations"]:
            where = [f"{slug}: {' '.join(map(str, n['target']))}" for n in v["nodes"]]
            if v["impact"] in ("serious", "critical"):
                serious += [
                    f"{v['id']} ({v['impact']}) {w}: {n['failureSummary'].splitlines()[-1].strip()}"
                    for w, n in zip(where, v["nodes"])
                ]
            else:
                entry = rest.setdefault(
                    v["id"], {"impact": v["impact"], "help": v["help"], "nodes": []}
                )
                entry["nodes"] += where
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"axe-{lang}-{scheme}.json").write_text(
        json.dumps(rest, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    assert not serious, "\n".join(serious[:30])
    reader.check_clean()


def highlight_classes(site: Path) -> list[str]:
    """Every Pygments token class a highlighted block of the built site uses."""
    import re

    found: set[str] = set()
    for page in site.rglob("*.html"):
        for block in re.findall(r'<div class="highlight">.*?</pre>', page.read_text("utf-8"), re.S):
            found.update(re.findall(r'<span class="([a-z0-9]{1,3})">', block))
    return sorted(found)


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_every_highlight_colour_reads_in_both_palettes(
    reader: Reader, site: Path, scheme: str
) -> None:
    """Each token colour any code block uses is readable on the code background (WCAG AA,
    axe's color-contrast): one probe block on the home page holds a token of every class
    the site's blocks use (the page-type axe run above sees only its pages' tokens; a
    console block's ``$VAR`` once read at 4.47:1)."""
    from axe_playwright_python.sync_playwright import Axe

    classes = highlight_classes(site)
    assert {"k", "s2", "c1", "mi"} <= set(classes), classes  # the collection works
    page = reader.open(url_path("index", DEFAULT), wait_until="load")
    if page.locator("body").get_attribute("data-md-color-scheme") != scheme:
        page.locator("form[data-md-component=palette] label:visible").first.click()
    page.evaluate(
        """classes => {
            const box = document.createElement("div");
            box.className = "highlight contrast-probe";
            box.innerHTML = "<pre><code>" + classes.map(
                c => `<span class="${c}">token_${c}</span>`).join("\\n") + "</code></pre>";
            document.querySelector(".md-content__inner").prepend(box);
        }""",
        classes,
    )
    options = {"runOnly": ["color-contrast"], "resultTypes": ["violations"]}
    violations = Axe().run(page, context=".contrast-probe", options=options).response
    low = [
        f"{' '.join(map(str, n['target']))}: {n['failureSummary'].splitlines()[-1].strip()}"
        for v in violations["violations"]
        for n in v["nodes"]
    ]
    assert not low, f"token colours too faint ({scheme}):\n" + "\n".join(low)


# A generated language's page is its source page's HTML with the text converted
# (tools/generate.py; tests/test_built_site.py checks every one of them statically), so in
# the browser it is checked on one page of each kind: home, math, diagrams, figures and
# tabs, an example, a notebook. Every written language's page is checked.
GENERATED_SAMPLE = [
    "index",
    "autograd",
    "workflow",
    "layers",
    "examples/quickstart",
    "notebooks/quickstart",
]
RENDERED = [
    (slug, x.code) for x in SITE.locales for slug in (GENERATED_SAMPLE if x.generated else SLUGS)
]


@pytest.mark.parametrize(("slug", "lang"), RENDERED)
def test_page_renders_completely(tab: Reader, slug: str, lang: str) -> None:
    reader = tab
    reader.errors.clear()
    reader.outside.clear()
    # "load": the page and every image, stylesheet and font it uses have arrived; the
    # math and diagrams, drawn by scripts afterwards, are waited for below.
    page = reader.open(url_path(slug, lang), wait_until="load")
    # Shown images only: a figure's dark copy is hidden in the light palette and never
    # fetched there (its file is checked in tests/test_built_site.py). Figures load lazily,
    # as they near the screen: each shown one is asked for now, and must arrive.
    shown = "[...document.images].filter(i => i.getClientRects().length)"
    page.evaluate(f"{shown}.forEach(i => {{ i.loading = 'eager'; }})")
    page.wait_for_function(f"{shown}.every(i => i.complete)", timeout=30_000)
    broken = page.evaluate(
        f"{shown}.filter(i => i.naturalWidth === 0).map(i => i.alt || i.src.slice(0, 60))"
    )
    assert not broken, f"images that did not load: {broken}"
    math = page.locator(".arithmatex")
    if math.count():  # typeset when the site was built (tools.formulas), in KaTeX's fonts
        assert page.evaluate(
            "[...document.querySelectorAll('.arithmatex')].every(e => e.querySelector('.katex'))"
        )
        assert page.locator(".katex-error").count() == 0
        assert page.evaluate(
            "getComputedStyle(document.querySelector('.katex')).fontFamily.startsWith('KaTeX')"
        ), "KaTeX's stylesheet does not apply"
    if slug.startswith("notebooks/"):  # JupyterLab's stylesheet, now a separate file, applies
        padding = page.evaluate(
            "getComputedStyle(document.querySelector('.jupyter-wrapper'))"
            ".getPropertyValue('--jp-cell-padding')"
        )
        assert padding.strip(), "the notebook stylesheet did not load"
        assert page.locator(".jp-OutputArea-output").count() > 0
    if page.locator(".mermaid").count():
        wait_for_diagrams(page)
    # On a phone's width the page itself does not scroll sideways (no reload: the same
    # page reflowed), and no box is taller than the estimate it waits with.
    page.set_viewport_size(NARROW)
    try:
        assert narrow_problems(page) == []
        assert underestimated(page) == []
    finally:
        page.set_viewport_size(WIDE)
    reader.check_clean()


COMPRESSIBLE = (".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt")


def transfers(reader: Reader, site: Path) -> dict[str, int]:
    """What the reader's page fetches, by path: gzipped as GitHub Pages serves it."""
    import gzip

    sizes: dict[str, int] = {}

    def record(response) -> None:  # type: ignore[no-untyped-def]
        path = urlsplit(response.url).path
        if not response.url.startswith(reader.base_url) or response.status != 200:
            return
        file = site / path.lstrip("/")
        file = file / "index.html" if file.is_dir() else file
        data = file.read_bytes()
        sizes[path] = len(gzip.compress(data, 6)) if file.suffix in COMPRESSIBLE else len(data)

    reader.page.on("response", record)
    return sizes


LOAD_BUDGET_KB = 250


def test_every_page_loads_light_on_a_phone(reader: Reader, site: Path) -> None:
    """Each page's load on a phone, before any scrolling (what Lighthouse's "transferred"
    counts), stays under a budget: a figure is fetched as it nears the screen (torchvision's
    two photographs, 1.3 MB, came with its page once)."""
    reader.page.set_viewport_size(NARROW)
    sizes = transfers(reader, site)
    over = {}
    for slug in SLUGS:
        sizes.clear()
        reader.open(url_path(slug, DEFAULT), wait_until="load")
        total = sum(sizes.values()) // 1000
        if total > LOAD_BUDGET_KB:
            over[slug] = (total, sorted(sizes.items(), key=lambda kv: -kv[1])[:3])
    assert not over, f"over {LOAD_BUDGET_KB} KB on load: {over}"


# Budgets for a reader's first visit, gzipped as GitHub Pages serves it: a chapter
# without diagrams (the one with the most math and figures), and chapters with math and
# diagrams, on a phone, scrolled to the end (so every diagram is drawn).
@pytest.mark.parametrize(
    ("slug", "budget_kb"), [("layers", 350), ("tensors", 700), ("autograd", 700)]
)
def test_first_visit_transfers_little(
    reader: Reader, site: Path, slug: str, budget_kb: int
) -> None:
    reader.page.set_viewport_size(NARROW)
    sizes = transfers(reader, site)
    page = reader.open(url_path(slug, DEFAULT), wait_until="load")
    if page.locator(".diagram-scroll").count():
        wait_for_diagrams(page)
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    total = sum(sizes.values()) / 1000
    heaviest = sorted(sizes.items(), key=lambda kv: -kv[1])[:8]
    assert total <= budget_kb, f"{slug}: {total:.0f} KB > {budget_kb} KB; heaviest: {heaviest}"
    assert not any("search_index" in p for p in sizes), "the search index came with the page"
    reader.check_clean()
