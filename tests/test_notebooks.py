"""The example notebooks on the built site, and their downloads fetched over HTTP and run.

Each example script in percent format has a notebook page in both languages, rendered by
mkdocs-jupyter from the build's one run (never executed again), and its example block
links to that page and to the ``.py`` and ``.ipynb`` downloads. These tests fetch the
downloads from a local server of the built site as a reader would, and run the ``.py``.
"""

from __future__ import annotations

import functools
import html
import os
import re
import subprocess
import sys
import tempfile
import threading
import urllib.request
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin

import nbformat
import pytest

from tests.project import DEFAULT, SITE
from tools import notebooks
from tools._child import CELL, split_cells
from tools.cache import Cell, Result
from tools.runner import ROOT, Runner, mask_timings

EXAMPLES = sorted(
    p for p in (ROOT / "snippets/examples").glob("*.py") if notebooks.is_notebook_source(p)
)
LANGS = {x.code: x.prefix for x in SITE.locales}


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *args: None  # type: ignore[method-assign]
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as response:
        assert response.status == 200, url
        return bytes(response.read())


def example_page(snippet: Path) -> str:
    """The docs page (slug) whose block shows ``snippet``."""
    rel = snippet.relative_to(ROOT / "snippets").as_posix()
    for page in sorted((ROOT / "docs").rglob(f"*.{DEFAULT}.md")):
        if f'"{rel}"' in page.read_text(encoding="utf-8"):
            return page.relative_to(ROOT / "docs").as_posix()[: -len(f".{DEFAULT}.md")]
    raise AssertionError(f"no page shows {rel}")


def test_every_notebook_is_in_the_nav() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    listed = re.findall(r"^ +- [\w.]+: notebooks/(\w+)\.ipynb$", config, flags=re.M)
    assert sorted(listed) == [p.stem for p in EXAMPLES]


@pytest.mark.parametrize("snippet", EXAMPLES, ids=lambda p: p.name)
def test_notebook_page_shows_each_cell_with_its_output(site: Path, snippet: Path) -> None:
    result = Runner(ROOT).result(snippet)
    for lang, prefix in LANGS.items():
        page = (site / prefix / "notebooks" / snippet.stem / "index.html").read_text("utf-8")
        assert f'<html lang="{lang}"' in page
        for cell in result.cells:
            assert html.escape(cell.stdout.strip(), quote=False) in page, (lang, cell.line)
        assert page.count('src="data:image/png;base64,') == len(result.figures)
        assert len(page) < 400_000, "JupyterLab's whole stylesheet must not be in the page"


@pytest.mark.parametrize("snippet", EXAMPLES, ids=lambda p: p.name)
def test_downloads_are_the_script_and_its_notebook(server: str, snippet: Path) -> None:
    result = Runner(ROOT).result(snippet)
    for prefix in LANGS.values():
        page_url = urljoin(server, prefix + example_page(snippet) + "/")
        page = fetch(page_url).decode("utf-8")
        links = dict(re.findall(r'<a href="([^"]+)" download>([^<]+)</a>', page))
        py_url = urljoin(page_url, next(h for h, n in links.items() if n == snippet.name))
        nb_url = urljoin(
            page_url, next(h for h, n in links.items() if n == f"{snippet.stem}.ipynb")
        )
        assert fetch(py_url) == snippet.read_bytes()
        nb = nbformat.reads(fetch(nb_url).decode("utf-8"), as_version=4)
        nbformat.validate(nb)
        code = [c for c in nb.cells if c.cell_type == "code"]
        cells = split_cells(snippet.read_text(encoding="utf-8"))
        assert len(code) == len(cells) == len(result.cells)
        for cell, (_, text), run in zip(code, cells, result.cells):
            body = [line for line in text.splitlines() if not CELL.match(line)]
            assert cell.source == "\n".join(body).strip("\n")
            streams = "".join(o.text for o in cell.outputs if o.output_type == "stream")
            assert streams == run.stdout
            images = [o for o in cell.outputs if o.output_type == "display_data"]
            assert len(images) == len(run.figures)
        # the notebook page itself links to the same two files
        nb_page = fetch(urljoin(py_url, "./")).decode("utf-8")
        assert f'href="{snippet.name}"' in nb_page and f'href="{snippet.stem}.ipynb"' in nb_page


# Every download is checked byte for byte above; one short example is also run from its
# download, as a reader would (each example already ran once in this test run).
RERUN = ROOT / "snippets/examples/sine_full_batch.py"


def test_downloaded_script_runs(server: str) -> None:
    """Run a ``.py`` fetched from the site, as a reader would, in an empty folder."""
    assert RERUN in EXAMPLES
    expected = Runner(ROOT).result(RERUN)
    assert expected.cpu_seconds < 10, f"{RERUN.name} is no longer a short example"
    page_url = urljoin(server, example_page(RERUN) + "/")
    page = fetch(page_url).decode("utf-8")
    href = re.search(rf'<a href="([^"]+)" download>{re.escape(RERUN.name)}</a>', page)
    assert href, f"no download link for {RERUN.name} on {page_url}"
    source = fetch(urljoin(page_url, href.group(1)))
    env = dict(os.environ, MPLBACKEND="Agg", PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8")
    env.setdefault("OMP_NUM_THREADS", "1")  # as the runner does: the same sums, the same output
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / RERUN.name).write_bytes(source)
        (Path(tmp) / "data").symlink_to(ROOT / "data", target_is_directory=True)
        r = subprocess.run(
            [sys.executable, RERUN.name],
            cwd=tmp,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        leftovers = sorted(p.name for p in Path(tmp).iterdir())
    assert r.returncode == 0, r.stderr[-3000:]
    assert leftovers == sorted(["data", RERUN.name]), "the script must clean up after itself"
    assert mask_timings(r.stdout) == mask_timings(expected.stdout)


def test_timings_are_masked_and_nothing_else() -> None:
    assert mask_timings(
        "1 DataLoader: 33.9 s for 5 epochs, 6.78 s/epoch, 1.00x\nepoch 5: accuracy 64.9 %\n"
    ) == ("1 DataLoader: # s for 5 epochs, # s/epoch, #x\nepoch 5: accuracy 64.9 %\n")


def test_a_notebook_holds_what_a_terminal_shows(tmp_path: Path) -> None:
    """A cell's progress bar (``\\r`` frames) is its last frame in the notebook too."""
    script = tmp_path / "bar.py"
    script.write_text("# %%\nprint('x')\n")
    cell = Cell(line=1, stdout="10%\r50%\r100%\ndone\n", figures=(), stderr="a\rb\n")
    result = Result("snippets/bar.py", cell.stdout, (), "cpu", "2", 0.1, 0.1, cells=(cell,))
    nb = notebooks.build(script, result, {"header": "{name}", "pending": ""})
    [out, err] = nb.cells[1].outputs
    assert (out.text, err.text) == ("100%\ndone\n", "b\n")
