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
    """At the current viewport: the boxes laid out taller than the ``--estimate`` the build
    gave them (``tools/estimates.py``: an estimate errs tall), each laid out for this."""
    return page.evaluate("""() => {
        const all = document.createElement("style");
        all.textContent = "* { content-visibility: visible !important }";
        document.head.append(all);
        const out = [];
        for (const e of document.querySelectorAll('[style*="--estimate"]')) {
            const style = getComputedStyle(e);
            const em = parseFloat(style.getPropertyValue("--estimate"));
            const height = e.getBoundingClientRect().height, fontSize = parseFloat(style.fontSize);
            if (height > em * fontSize + 1) {
                const text = e.textContent.trim().slice(0, 40);
                out.push(`${e.tagName.toLowerCase()} ${Math.round(height / fontSize)}em > ${em}em: ${text}`);
            }
        }
        all.remove();
        return out.slice(0, 8);
    }""")
