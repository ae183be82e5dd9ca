"""The example notebooks as pages: written before MkDocs collects files, rendered by
mkdocs-jupyter, each with its downloads beside it and one shared stylesheet.

``tools.notebooks`` makes a notebook from a run; this module puts them on the site.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from tools import notebooks, render
from tools.runner import Result
from tools.site import Site

FOLDER = "notebooks"  # under docs/, generated, git-ignored
_STYLE = '<style type="text/css">'


class NotebookPages:
    def __init__(self) -> None:
        self.sources: dict[str, Path] = {}  # snippet relative to snippets/ -> its file
        self.css: dict[str, str] = {}  # file name under assets/jupyter/ -> CSS

    def write(self, site: Site, result: Callable[[Path], Result | None]) -> None:
        """Write the example notebooks into docs/notebooks/ (``result``: a script's run,
        None while it runs under serve: the notebook then says so)."""
        self.sources.clear()
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
        """Move mkdocs-jupyter's inlined stylesheets into one shared file.

        mkdocs-jupyter inlines JupyterLab's stylesheet (about 600 KB) into every notebook
        page; it goes instead to ``assets/jupyter/<hash>.css``, fetched once and cached,
        by notebook pages only. The same code and outputs are indexed on the example
        pages; indexing the notebooks too would double every search hit.
        """
        page.meta["search"] = {"exclude": True}
        kept, styles, pos = [], [], 0
        while (start := content.find(_STYLE, pos)) >= 0:  # str.find: a regex is slow here
            end = content.find("</style>", start)
            kept.append(content[pos:start])
            styles.append(content[start + len(_STYLE) : end].strip())
            pos = end + len("</style>")
        if not styles:
            return content
        css = "\n".join(styles)
        name = hashlib.sha256(css.encode()).hexdigest()[:12] + ".css"
        self.css[name] = css
        page.meta["notebook_css"] = get_relative_url(f"assets/jupyter/{name}", page.url)
        return "".join(kept) + content[pos:]

    def page(self, output: str, page: Page) -> str:
        """Put a notebook page's downloads beside it and link its stylesheet."""
        stem = Path(page.file.src_uri).name.split(".")[0]
        folder = Path(page.file.abs_dest_path).parent
        folder.mkdir(parents=True, exist_ok=True)
        source = self.sources[f"examples/{stem}.py"]
        shutil.copyfile(source, folder / source.name)
        shutil.copyfile(page.file.abs_src_path or "", folder / f"{stem}.ipynb")
        href = page.meta.get("notebook_css")
        if not href:
            return output
        return output.replace("</head>", f'  <link rel="stylesheet" href="{href}">\n  </head>', 1)

    def write_css(self, site_dir: Path) -> None:
        for name, css in self.css.items():
            target = site_dir / "assets" / "jupyter" / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(css, encoding="utf-8")
