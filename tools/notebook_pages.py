"""The example notebooks as pages: written before MkDocs collects files, rendered by
mkdocs-jupyter, each with its downloads beside it and the part of JupyterLab's stylesheet
it uses.

``tools.notebooks`` makes a notebook from a run; this module puts them on the site.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import shutil
from collections.abc import Callable
from pathlib import Path

from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from tools import css_purge, notebooks, render
from tools.runner import Result
from tools.site import Site
from tools.writing import write_atomic

FOLDER = "notebooks"  # under docs/, generated, git-ignored
_STYLE = '<style type="text/css">'
# mkdocs-jupyter 0.26.3 also writes the repr of a Python list of stylesheets (nbconvert2.py,
# an f-string of resources["inlining"]["css"]): CSS no browser can read (one unclosed "["),
# 4.9 KB a page. Dropped; a canary in tests/test_workarounds.py fails when upstream fixes it.
_LIST_STYLE = re.compile(r"<style>\s*\['.*?'\]\s*</style>", re.S)


class NotebookPages:
    def __init__(self) -> None:
        self.sources: dict[str, Path] = {}  # snippet relative to snippets/ -> its file
        self.cache: Path | None = None  # .cache/css/: each page's cut stylesheet

    def write(self, site: Site, result: Callable[[Path], Result | None]) -> None:
        """Write the example notebooks into docs/notebooks/ (``result``: a script's run,
        None while it runs under serve: the notebook then says so)."""
        self.sources.clear()
        self.cache = site.cache / "css"
        made = []
        for path in sorted((site.snippets / "examples").glob("*.py")):
            if notebooks.is_notebook_source(path):
                self.sources[path.relative_to(site.snippets).as_posix()] = path
                made.append((path, result(path)))
        notebooks.write(made, site.notebooks, site)

    @staticmethod
    def is_notebook(page: Page) -> bool:
        uri: str = page.file.src_uri
        return uri.startswith(f"{FOLDER}/") and uri.endswith(".ipynb")

    def links(self, target: str, page: Page, site: Site, code: str) -> str:
        """Links under an example's output (``target``: relative to snippets/), if it
        has a notebook page."""
        if target not in self.sources:
            return ""
        url = site.locale(code).url(f"{FOLDER}/{Path(target).stem}")
        return render.notebook_links(
            site.labels(code), get_relative_url(url, page.url), Path(target).name
        )

    def content(self, content: str, page: Page) -> str:
        """Take mkdocs-jupyter's inlined stylesheets out of the notebook's content.

        mkdocs-jupyter inlines JupyterLab's stylesheet (about 590 KB) into every notebook
        page; ``page`` puts back, in the page's head, only what can apply to the page
        (``tools.css_purge``: about 30 KB). The same code and outputs are indexed on the
        example pages; indexing the notebooks too would double every search hit.
        """
        page.meta["search"] = {"exclude": True}
        content = _LIST_STYLE.sub("", content)
        kept, styles, pos = [], [], 0
        while (start := content.find(_STYLE, pos)) >= 0:  # str.find: a regex is slow here
            end = content.find("</style>", start)
            kept.append(content[pos:start])
            styles.append(content[start + len(_STYLE) : end].strip())
            pos = end + len("</style>")
        if not styles:
            return content
        page.meta["notebook_css"] = "\n".join(styles)
        return "".join(kept) + content[pos:]

    def page(self, output: str, page: Page) -> str:
        """Put a notebook page's downloads beside it, and in its head the part of its
        stylesheet it can use."""
        stem = Path(page.file.src_uri).name.split(".")[0]
        folder = Path(page.file.abs_dest_path).parent
        folder.mkdir(parents=True, exist_ok=True)
        source = self.sources[f"examples/{stem}.py"]
        shutil.copyfile(source, folder / source.name)
        shutil.copyfile(page.file.abs_src_path or "", folder / f"{stem}.ipynb")
        css = page.meta.get("notebook_css")
        if not css:
            return output
        style = f"  <style>{self.purged(css, output, page)}</style>\n  </head>"
        return output.replace("</head>", style, 1)

    def purged(self, css: str, html: str, page: Page) -> str:
        """``css_purge.purge``, kept in ``.cache/css/`` (a file a page) by a hash of what it
        reads: a warm build parses no stylesheet (0.6 s of its 7)."""
        key = hashlib.sha256(f"{len(css)}:{css}{html}".encode()).hexdigest()
        name = hashlib.sha256(page.file.src_uri.encode()).hexdigest()[:24]
        path = None if self.cache is None else self.cache / f"{name}.css"
        with contextlib.suppress(OSError):
            kept = path.read_text(encoding="utf-8") if path else ""
            if kept.startswith(f"{key}\n"):
                return kept[len(key) + 1 :]
        out = css_purge.purge(css, html)
        if path is not None:
            write_atomic(path, f"{key}\n{out}")
        return out
