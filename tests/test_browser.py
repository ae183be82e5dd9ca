"""What a reader does, in headless Chromium (Debian's) against the built site on localhost.

Screenshots land in ``test-artifacts/``. Any request that leaves localhost is blocked and
fails the test that made it; so does any console error.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route

from tests.project import DEFAULT, OTHER, SITE
from tests.test_built_site import PAGES, url_path
from tests.test_notebooks import EXAMPLES
from tools import generate
from tools.runner import ROOT

ARTIFACTS = ROOT / "test-artifacts"
WIDE = {"width": 1280, "height": 900}
SLUGS = PAGES + [f"notebooks/{p.stem}" for p in EXAMPLES]
LANGS = [x.code for x in SITE.locales]
GENERATED = {x.code: generate.for_locale(SITE, x) for x in SITE.generated}


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


class Reader:
    """A browser tab that records console errors and blocks the network."""

    def __init__(self, context: BrowserContext, base_url: str) -> None:
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.base_url = base_url
        context.route("**/*", self._route)
        self.page: Page = context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _route(self, route: Route) -> None:
        host = urlsplit(route.request.url).hostname
        if route.request.url.startswith("data:") or host in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def open(self, path: str, wait_until: str = "networkidle") -> Page:
        self.page.goto(self.base_url + path, wait_until=wait_until)  # type: ignore[arg-type]
        return self.page

    def check_clean(self) -> None:
        assert not self.outside, f"requests outside localhost: {self.outside}"
        assert not self.errors, f"console errors: {self.errors}"


@pytest.fixture
def reader(browser: Browser, base_url: str) -> Iterator[Reader]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    r = Reader(context, base_url)
    yield r
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_home_page_and_screenshots(reader: Reader, lang: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page = reader.open(url_path("index", lang))
    assert page.locator("html").get_attribute("lang") == lang
    written = SITE.locale(lang).source or lang
    title = "PyTorch 笔记" if written == DEFAULT else "PyTorch Notes"
    assert GENERATED.get(lang, lambda t: t)(title) in page.title()
    page.screenshot(path=ARTIFACTS / f"home-{lang}.png", full_page=True)
    reader.open(url_path("tensors", lang)).screenshot(  # the first screen: 4 MB full page
        path=ARTIFACTS / f"tensors-{lang}.png"
    )
    reader.check_clean()


# Each language to each other one, in mkdocs.yml's order and back.
@pytest.mark.parametrize(
    ("lang", "other"),
    list(zip(LANGS, LANGS[1:] + LANGS[:1])) + list(zip(LANGS[1:] + LANGS[:1], LANGS)),
)
def test_language_switch_lands_on_the_same_page(reader: Reader, lang: str, other: str) -> None:
    page = reader.open(url_path("autograd", lang) + "#graph-example")
    page.hover(".md-header__option .md-select")
    offered = page.locator("a.md-select__link").all_inner_texts()
    assert [t.strip() for t in offered] == [x.name for x in SITE.locales]
    page.click(f'a.md-select__link[hreflang="{other}"]')
    page.wait_for_load_state("networkidle")
    assert page.url == reader.base_url + url_path("autograd", other)
    assert page.locator("html").get_attribute("lang") == other
    reader.check_clean()


@pytest.mark.parametrize(
    ("lang", "term", "expect"),
    [
        (DEFAULT, "张量", "张量"),
        (DEFAULT, "自动求导", "求导"),
        (DEFAULT, "广播", "广播"),
        (OTHER, "broadcast", "broadcast"),
        (OTHER, "autograd", "autograd"),
    ]
    + [
        (code, convert(term), convert(expect))
        for code, convert in GENERATED.items()
        for term, expect in (("张量", "张量"), ("自动求导", "求导"), ("广播", "广播"))
    ],
)
def test_search_finds_and_opens_a_result(reader: Reader, lang: str, term: str, expect: str) -> None:
    page = reader.open(url_path("index", lang))
    page.click(".md-search__input")
    wait_for_search_index(page)
    page.fill(".md-search__input", term)
    page.press(".md-search__input", "End")  # Material searches on key events
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_load_state("networkidle")
    assert "/search" not in page.url and page.url != reader.base_url + url_path("index", lang)
    assert expect in page.locator("article").inner_text().lower()
    reader.check_clean()


# Queries as readers type them (plurals, -ing forms, two-word phrases, API names), each
# with the page that teaches it: it must be among the first five pages listed, and the
# first result must be in the reader's own language.
SEARCHES = {
    OTHER: [
        ("tensors", "tensors"),
        ("creating tensors", "tensors"),
        ("reshape", "tensors"),
        ("broadcasting", "tensors"),
        ("gradients", "autograd"),
        ("autograd", "autograd"),
        ("backward", "autograd"),
        ("computational graph", "autograd"),
        ("detach", "autograd"),
        ("no_grad", "autograd"),
        ("dataset", "data"),
        ("dataloader", "data"),
        ("data loading", "data"),
        ("transforms", "torchvision"),
        ("custom module", "examples/custom-module"),
        ("nn.Module", "models"),
        ("layers", "layers"),
        ("convolution", "layers"),
        ("batch norm", "layers"),
        ("dropout", "layers"),
        ("loss functions", "losses-optimizers"),
        ("optimizers", "losses-optimizers"),
        ("learning rate", "losses-optimizers"),
        ("zero_grad", "losses-optimizers"),
        ("training loop", "training"),
        ("evaluation mode", "training"),
        ("saving models", "saving"),
        ("state_dict", "saving"),
        ("checkpoint", "saving"),
        ("cuda", "devices"),
        ("multiple gpus", "devices"),
        ("pretrained weights", "torchvision"),
        ("debugging", "debugging"),
        ("sine", "examples/sine-fitting"),
        ("mixed precision", "examples/fast-training"),
    ],
    DEFAULT: [
        ("张量", "tensors"),
        ("创建张量", "tensors"),
        ("形状", "tensors"),
        ("广播", "tensors"),
        ("自动求导", "autograd"),
        ("梯度", "autograd"),
        ("反向传播", "autograd"),
        ("计算图", "autograd"),
        ("数据集", "data"),
        ("数据加载", "data"),
        ("变换", "torchvision"),
        ("自定义模块", "examples/custom-module"),
        ("模型", "models"),
        ("卷积", "layers"),
        ("损失函数", "losses-optimizers"),
        ("优化器", "losses-optimizers"),
        ("学习率", "losses-optimizers"),
        ("zero_grad", "losses-optimizers"),
        ("训练循环", "training"),
        ("评估模式", "training"),
        ("保存模型", "saving"),
        ("加载模型", "saving"),
        ("state_dict", "saving"),
        ("设备", "devices"),
        ("多卡", "devices"),
        ("可视化", "tensorboard"),
        ("预训练", "torchvision"),
        ("调试", "debugging"),
        ("正弦", "examples/sine-fitting"),
        ("混合精度", "examples/fast-training"),
    ],
}


# A generated language's readers type its words: the default language's queries, converted.
SEARCHES.update(
    {
        code: [(convert(q), t) for q, t in SEARCHES[SITE.locale(code).source or ""]]
        for code, convert in GENERATED.items()
    }
)


def wait_for_search_index(page: Page) -> str:
    """Wait (search box open) until Material's search index is loaded: its result line
    then says "Type to start searching" in the page's language (before: "Initializing
    search"); a query typed earlier may never run. Returns that text."""
    idle = page.evaluate(
        "JSON.parse(document.querySelector('#__config').textContent)"
        ".translations['search.result.placeholder']"
    )
    page.wait_for_function(
        "t => document.querySelector('.md-search-result__meta').innerText === t",
        arg=idle,
        timeout=60000,
    )
    return str(idle)


@pytest.mark.parametrize("lang", LANGS)
def test_search_finds_the_page_that_teaches_it(reader: Reader, lang: str) -> None:
    page = reader.open(url_path("index", lang))
    box, meta = ".md-search__input", ".md-search-result__meta"
    page.click(box)
    idle = wait_for_search_index(page)
    own = url_path("index", lang)  # where this language's pages live
    misses = []
    for query, teaches in SEARCHES[lang]:
        page.fill(box, "")
        page.wait_for_function(f"t => document.querySelector('{meta}').innerText === t", arg=idle)
        page.fill(box, query)
        page.press(box, "End")
        page.wait_for_function(f"t => document.querySelector('{meta}').innerText !== t", arg=idle)
        hrefs = page.eval_on_selector_all(
            ".md-search-result__item > a", "links => links.map(a => a.href)"
        )
        found = list(dict.fromkeys(urlsplit(h).path.lstrip("/") for h in hrefs))
        top = [p.removeprefix(own).rstrip("/") for p in found[:5]]
        if teaches not in top or not found[0].startswith(own):
            misses.append(f"{query!r}: expected {teaches!r} among {found[:5]}")
    assert not misses, "\n".join(misses)
    reader.check_clean()


def test_copy_button_copies_the_snippet_file(reader: Reader) -> None:
    page = reader.open(url_path("tensors", OTHER))
    block = page.locator("div.highlight:has(span.filename):visible").first
    name = block.locator("span.filename").inner_text()
    block.hover()
    block.locator("button[data-md-type=copy]").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.rstrip("\n") == (ROOT / name).read_text(encoding="utf-8").rstrip("\n")
    reader.check_clean()


def test_dark_mode_toggle(reader: Reader) -> None:
    page = reader.open(url_path("index", OTHER))
    scheme = page.locator("body").get_attribute("data-md-color-scheme")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    assert page.locator("body").get_attribute("data-md-color-scheme") != scheme
    reader.check_clean()


def _rgb(css: str) -> tuple[int, ...]:
    return tuple(int(v) for v in re.findall(r"\d+", css)[:3])


def test_figures_follow_the_palette(reader: Reader) -> None:
    """The palette toggle swaps each figure for its dark variant, whose background is the
    page's own (sampled from a screenshot); screenshots of both go to test-artifacts/."""
    from PIL import Image

    ARTIFACTS.mkdir(exist_ok=True)
    page = reader.open(url_path("layers", OTHER))
    shown = page.locator(".snippet-output__figure:visible")
    count = shown.count()
    assert count and page.locator(".snippet-output__figure").count() == 2 * count
    for scheme, variant in (("default", "light"), ("slate", "dark")):
        body = page.locator("body")
        if body.get_attribute("data-md-color-scheme") != scheme:
            page.locator("form[data-md-component=palette] label:visible").first.click()
        assert body.get_attribute("data-md-color-scheme") == scheme
        figure = shown.first
        assert f"snippet-output__figure--{variant}" in (figure.get_attribute("class") or "")
        figure.scroll_into_view_if_needed()
        figure.evaluate("img => img.decode()")  # the dark copy is loaded lazily
        shot = ARTIFACTS / f"figure-{variant}.png"
        figure.screenshot(path=shot)
        corner = Image.open(shot).convert("RGB").getpixel((2, 2))
        box = _rgb(
            figure.evaluate("e => getComputedStyle(e.closest('.snippet-output')).backgroundColor")
        )
        expected = (255, 255, 255) if variant == "light" else box
        assert all(abs(a - b) <= 3 for a, b in zip(corner, expected)), (variant, corner, expected)
    reader.check_clean()


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
        for scheme in (["default", "slate"] if not x.generated else ["default"])
    ],
)
def test_accessibility_has_no_serious_violations(reader: Reader, lang: str, scheme: str) -> None:
    """axe-core on every page type, in each language and palette: no serious or critical
    violation; the minor and moderate ones go to test-artifacts/axe-<lang>-<scheme>.json.

    Colour contrast, three quarters of axe's time, depends on the palette's CSS, which
    every language shares: it is checked on the default language's pages, in both
    palettes; the other languages' pages get every other rule (a generated language's in
    one palette: its pages are the default language's, converted)."""
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


NARROW = {"width": 390, "height": 844}  # a phone


def wait_for_diagrams(page: Page) -> None:
    """Scroll to the first diagram (Mermaid loads when one comes near the screen:
    assets/javascripts/mermaid-loader.js) and wait until every diagram is drawn."""
    page.locator(".diagram-scroll").first.scroll_into_view_if_needed()
    page.wait_for_function(
        "[...document.querySelectorAll('.mermaid')]"
        ".every(e => e.tagName === 'DIV' && e.offsetHeight > 0)",
        timeout=15000,
    )


def narrow_problems(page: Page) -> list[str]:
    """At the current viewport: what makes the page scroll sideways (scroll boxes such as
    code, tables and diagrams may scroll inside), and diagrams shrunk below legibility."""
    return page.evaluate("""() => {
        const width = document.documentElement.clientWidth, out = [];
        if (document.documentElement.scrollWidth > width + 1) {
            const boxes = "pre, table, .md-typeset__scrollwrap, .diagram-scroll, .jp-OutputArea";
            for (const e of document.querySelectorAll("body *")) {
                if (e.getBoundingClientRect().right > width + 1 && !e.closest(boxes)
                    && !e.querySelector("*")) {
                    out.push(`sideways: ${e.tagName.toLowerCase()}.${e.className}`);
                }
            }
            if (!out.length) out.push(`sideways: the page is ${document.documentElement.scrollWidth} px wide`);
        }
        for (const d of document.querySelectorAll(".diagram-scroll--wide > .mermaid")) {
            if (d.offsetWidth < 600) out.push(`diagram only ${d.offsetWidth} px wide`);
        }
        return out.slice(0, 8);
    }""")


def test_narrow_screen_keeps_diagrams_legible(reader: Reader) -> None:
    """The data page on a phone: nothing but its scroll boxes is wider than the screen,
    and its diagram keeps its size in a box that scrolls (screenshot in test-artifacts/)."""
    reader.page.set_viewport_size(NARROW)
    page = reader.open(url_path("data", OTHER), wait_until="load")
    wait_for_diagrams(page)
    assert narrow_problems(page) == []
    assert page.locator(".diagram-scroll--wide > .mermaid").count() == 1
    box = page.locator(".diagram-scroll--wide").first
    assert box.evaluate("e => e.scrollWidth > e.clientWidth")  # it scrolls, inside
    assert box.get_attribute("tabindex") == "0"  # and the keyboard reaches it
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "data-390px.png", full_page=True)
    reader.check_clean()


@pytest.fixture(scope="module")
def tab(browser: Browser, base_url: str) -> Iterator[Reader]:
    """One tab for every page test of a worker: the browser's cache is warm after the
    first page, as a reader's is (a fresh context per page cost 4-5 s a page)."""
    context = browser.new_context(viewport=WIDE)
    yield Reader(context, base_url)
    context.close()


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
    # Shown images only: a figure's dark copy is hidden in the light palette and, loaded
    # lazily, never fetched there (its file is checked in tests/test_built_site.py).
    broken = page.evaluate(
        "[...document.images].filter(i => i.getClientRects().length"
        " && (!i.complete || i.naturalWidth === 0)).map(i => i.alt || i.src.slice(0, 60))"
    )
    assert not broken, f"images that did not load: {broken}"
    math = page.locator(".arithmatex")
    if math.count():  # each formula is typeset as it nears the screen (katex.js)
        page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
        for i in range(math.count()):
            math.nth(i).scroll_into_view_if_needed()
        page.wait_for_function(
            "[...document.querySelectorAll('.arithmatex')].every(e => e.querySelector('.katex'))",
            timeout=10000,
        )
        assert page.locator(".katex-error").count() == 0
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
    # page reflowed).
    page.set_viewport_size(NARROW)
    try:
        assert narrow_problems(page) == []
    finally:
        page.set_viewport_size(WIDE)
    reader.check_clean()


def test_search_index_is_fetched_when_search_is_used(reader: Reader) -> None:
    """A page view fetches no search index; opening search fetches the page's own
    language's index alone (assets/javascripts/search-lazy.js)."""
    fetched: list[str] = []
    reader.page.on("request", lambda r: "search_index" in r.url and fetched.append(r.url))
    for x in SITE.locales:
        fetched.clear()
        page = reader.open(url_path("tensors", x.code))
        page.wait_for_timeout(500)
        assert fetched == [], f"{x.code}: fetched before search was used: {fetched}"
        page.click(".md-search__input")
        wait_for_search_index(page)
        assert [urlsplit(u).path for u in fetched] == [f"/search/search_index.{x.code}.json"]
    reader.check_clean()


COMPRESSIBLE = (".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt")


# Budgets for a reader's first visit, gzipped as GitHub Pages serves it: a chapter
# without diagrams (the one with the most math and figures), and chapters with math and
# diagrams, on a phone, scrolled to the end (so every diagram is drawn).
@pytest.mark.parametrize(
    ("slug", "budget_kb"), [("layers", 350), ("tensors", 700), ("autograd", 700)]
)
def test_first_visit_transfers_little(
    reader: Reader, site: Path, slug: str, budget_kb: int
) -> None:
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

    reader.page.set_viewport_size(NARROW)
    reader.page.on("response", record)
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


def test_screenshots_on_a_phone_and_a_laptop(reader: Reader) -> None:
    """A chapter and the execution report at 390 px and 1280 px, into test-artifacts/.
    The report's tables fit beside the navigation at 1280 px (no column cut off) and no
    snippet path is broken over lines."""
    ARTIFACTS.mkdir(exist_ok=True)
    for size in (NARROW, WIDE):
        reader.page.set_viewport_size(size)
        for slug in ("tensors", "examples/report"):
            for lang in (DEFAULT, OTHER):
                page = reader.open(url_path(slug, lang), wait_until="load")
                name = f"{slug.replace('/', '-')}-{lang}-{size['width']}px.png"
                page.screenshot(path=ARTIFACTS / name)
                if slug != "examples/report":
                    continue
                broken = page.evaluate(
                    "[...document.querySelectorAll('article td:first-child code')]"
                    ".filter(c => c.getClientRects().length > 1).map(c => c.textContent)"
                )
                assert not broken, f"{lang} {size['width']} px: paths broken: {broken[:5]}"
                if size is WIDE:
                    cut = page.evaluate(
                        "[...document.querySelectorAll('article .md-typeset__scrollwrap')]"
                        ".filter(w => w.scrollWidth > w.clientWidth + 1)"
                        ".map(w => `${w.scrollWidth} px in ${w.clientWidth} px`)"
                    )
                    assert not cut, f"{lang}: report tables cut off at 1280 px: {cut}"
    reader.check_clean()
