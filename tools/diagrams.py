"""Mermaid diagrams drawn ahead of time: a page carries its diagrams as SVG, and no page
fetches or runs Mermaid (on a page with a diagram, about 240 KiB and, on Lighthouse's
phone, a second or more of the main thread).

* ``python -m tools.diagrams`` (after ``mkdocs build``) opens each built page that has a
  diagram without a drawing in Chromium, lets Material draw it there (the site's own
  Mermaid, Material's settings and theme), and writes what Material puts in the page to
  ``diagrams/<key>.svg``; drawings no page uses any more are removed. The key hashes the
  diagram's text and the versions of Mermaid and Material.
* The build (``tools/hook_light_pages.py``, through ``drawn``) puts each drawn diagram in
  its page as Material does, in a shadow root (a declarative one: no script), so that
  Material's typeset styles stay out of it and the palette's colours reach into it.
* A diagram without its drawing (one just written or edited) is drawn in the browser, as
  before, with the self-hosted Mermaid; ``tests/test_built_site.py`` fails, naming the page
  and this command.
"""

from __future__ import annotations

import functools
import hashlib
import html
import http.server
import re
import sys
import threading
from importlib.metadata import version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools import site as site_model  # noqa: E402

DIAGRAM = re.compile(r'<pre class="mermaid"><code>(?P<code>.*?)</code></pre>', re.S)
DRAWN = re.compile(r'<div class="mermaid" data-diagram="(?P<key>[0-9a-f]+)">')
MERMAID = "docs/assets/vendor/mermaid/mermaid.esm.min.mjs"

# In the drawing browser: Material's shadow roots open, and each diagram's text and SVG
# kept as Material puts the drawing in the page in place of the code block.
_KEEP_DRAWINGS = """
(() => {
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    return attach.call(this, { ...init, mode: "open" });
  };
  const replace = Element.prototype.replaceWith;
  window.__drawn = [];
  Element.prototype.replaceWith = function (...nodes) {
    const [host] = nodes;
    if (this.matches("pre.mermaid") && host instanceof Element && host.shadowRoot)
      window.__drawn.push([this.textContent, host.shadowRoot.innerHTML]);
    return replace.apply(this, nodes);
  };
})();
"""


@functools.cache
def _versions(root: Path) -> str:
    mermaid = hashlib.sha256((root / MERMAID).read_bytes()).hexdigest()[:16]
    return f"mermaid {mermaid}, mkdocs-material {version('mkdocs-material')}"


def key(text: str, root: Path = site_model.ROOT) -> str:
    """A diagram's drawing's name: its text (as Material reads it) and the versions."""
    return hashlib.sha256(f"{_versions(root)}\n{text}".encode()).hexdigest()[:16]


def text_of(code: str) -> str:
    """A diagram's text from its code block's HTML (what Material reads: textContent)."""
    return html.unescape(re.sub(r"<[^>]*>", "", code))


def drawn(page_html: str, folder: Path) -> str:
    """The page with each diagram that has a drawing in ``folder`` put in as SVG."""

    def put(m: re.Match[str]) -> str:
        name = key(text_of(m["code"]))
        svg = folder / f"{name}.svg"
        if not svg.is_file():
            return m[0]
        inner = svg.read_text(encoding="utf-8")
        return (
            f'<div class="mermaid" data-diagram="{name}">'
            f'<template shadowrootmode="closed">{inner}</template></div>'
        )

    return DIAGRAM.sub(put, page_html)


def undrawn(site_dir: Path, folder: Path) -> dict[str, list[str]]:
    """The built pages (paths under ``site_dir``) with diagrams that have no drawing, and
    those diagrams' texts."""
    found = {}
    for page in sorted(site_dir.rglob("*.html")):
        texts = [text_of(m["code"]) for m in DIAGRAM.finditer(page.read_text("utf-8"))]
        missing = [t for t in texts if not (folder / f"{key(t)}.svg").is_file()]
        if missing:
            found[page.relative_to(site_dir).as_posix()] = missing
    return found


def needed(site_dir: Path) -> set[str]:
    """The drawings the built pages put in or lack."""
    keys = set()
    for page in site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        keys |= {m["key"] for m in DRAWN.finditer(text)}
        keys |= {key(text_of(m["code"])) for m in DIAGRAM.finditer(text)}
    return keys


_PATH_DATA = re.compile(r' d="[^"]*"')


def smaller(svg: str) -> str:
    """The SVG with its path data to 0.1 px (Mermaid writes each box's outline as hundreds
    of curves at 15 digits: a diagram of five boxes is 240 KB, 19 KB gzipped at 0.1 px)."""
    return _PATH_DATA.sub(lambda m: re.sub(r"(\d\.\d)\d+", r"\1", m[0]), svg)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def draw(site_dir: Path, folder: Path, chromium: str = "/usr/bin/chromium") -> list[Path]:
    """Draw the built site's diagrams that have no drawing yet; the files written."""
    from playwright.sync_api import sync_playwright

    todo = undrawn(site_dir, folder)
    if not todo:
        return []
    handler = functools.partial(_Quiet, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    folder.mkdir(exist_ok=True)
    written = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
            page = browser.new_page()
            page.add_init_script(_KEEP_DRAWINGS)
            for path, texts in todo.items():
                page.goto(f"http://127.0.0.1:{server.server_address[1]}/{path}")
                count = len(DIAGRAM.findall((site_dir / path).read_text(encoding="utf-8")))
                page.evaluate("document.querySelector('.mermaid').scrollIntoView()")
                page.wait_for_function(f"window.__drawn.length >= {count}", timeout=30000)
                for text, svg in page.evaluate("window.__drawn"):
                    if text in texts:
                        target = folder / f"{key(text)}.svg"
                        target.write_text(smaller(svg), encoding="utf-8")
                        written.append(target)
            browser.close()
    finally:
        server.shutdown()
    return written


def main() -> None:
    paths = site_model.Paths(site_model.ROOT)
    site_dir = paths.root / "site"
    if not (site_dir / "index.html").is_file():
        sys.exit("build the site first: mkdocs build")
    for target in draw(site_dir, paths.diagrams):
        print(f"drew {target.relative_to(paths.root)}")
    keep = needed(site_dir)
    for old in sorted(paths.diagrams.glob("*.svg")):
        if old.stem not in keep:
            old.unlink()
            print(f"removed {old.relative_to(paths.root)} (no page has it)")
    missing = undrawn(site_dir, paths.diagrams)
    for path, texts in missing.items():
        print(f"{path}: {len(texts)} diagram(s) not drawn", file=sys.stderr)
    print("now build again (mkdocs build): the pages take the new drawings in")
    if missing:
        sys.exit(1)


if __name__ == "__main__":
    main()
