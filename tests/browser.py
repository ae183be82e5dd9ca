"""What the browser tests share: the reader's tab (``Reader``: console errors recorded,
requests outside localhost blocked), viewports, and waits for Material's search index and
for Mermaid's diagrams. The fixtures (``base_url``, ``reader``, ``tab``) are in
``tests/conftest.py``."""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, Page, Route

from tests.project import SITE
from tools import generate
from tools.runner import ROOT

ARTIFACTS = ROOT / "test-artifacts"
WIDE = {"width": 1280, "height": 900}

LANGS = [x.code for x in SITE.locales]
GENERATED = {x.code: generate.for_locale(SITE, x) for x in SITE.generated}


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


NARROW = {"width": 390, "height": 844}  # a phone


def wait_for_diagrams(page: Page) -> None:
    """Scroll to the first diagram and wait until every diagram is drawn (they come drawn
    as SVG, tools/diagrams.py; one not drawn yet is drawn by Mermaid once it nears the
    screen: assets/javascripts/mermaid-loader.js)."""
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


def underestimated(page: Page) -> list[str]:
    """At the current viewport: every box that waits to be laid out until it nears the
    screen (``content-visibility: auto``) and is taller, laid out, than the size it waits
    with (``contain-intrinsic-block-size``: the build's ``--estimate``, a code block's lines,
    a report table's rows; ``tools/estimates.py``: it errs tall). A shorter one reaches past
    its box while it waits, where axe reads its text over the next box's."""
    return page.evaluate("""() => {
        const boxes = [...document.querySelectorAll(".md-content__inner *")]
            .filter(e => getComputedStyle(e).contentVisibility === "auto");
        const waits = boxes.map(e =>
            parseFloat(getComputedStyle(e).containIntrinsicBlockSize.replace("auto", "")));
        const all = document.createElement("style");
        all.textContent = "* { content-visibility: visible !important }";
        document.head.append(all);
        const out = [];
        boxes.forEach((e, i) => {  // the size it waits with is its content's
            const st = getComputedStyle(e);
            const height = e.getBoundingClientRect().height - ["paddingTop", "paddingBottom",
                "borderTopWidth", "borderBottomWidth"].reduce((sum, k) => sum + parseFloat(st[k]), 0);
            if (height > waits[i] + 2) {
                const size = parseFloat(getComputedStyle(e).fontSize);
                const text = e.textContent.trim().slice(0, 40);
                const name = e.tagName.toLowerCase() + (e.className ? "." + e.className.split(" ")[0] : "");
                out.push(`${name} ${Math.round(height / size)}em > ${Math.round(waits[i] / size)}em: ${text}`);
            }
        });
        all.remove();
        return out.slice(0, 8);
    }""")
