"""Lighthouse on the built site, as a reader on a phone gets it: ``python bench/lighthouse.py``.

Serves the built site (``--site``, default ``site/``; built with ``mkdocs build`` first if
missing) on localhost with gzip, as GitHub Pages serves it, and runs Lighthouse 12.2.3 (npm,
installed on first use into the git-ignored ``.cache/lighthouse/``, or found in
``--lighthouse``/``LIGHTHOUSE_DIR``; the mobile preset, its default, with simulated
throttling) in headless Chromium (``CHROME_PATH``, default Debian's ``/usr/bin/chromium``)
on the home page, a chapter with math and a diagram, the chapter with the most math, an
example, a notebook and the execution report, in every language of ``mkdocs.yml``. Each page
is measured ``--runs`` times (default 3) and the median of each figure printed: performance
score, First Contentful Paint, Largest Contentful Paint, Total Blocking Time, Cumulative
Layout Shift, bytes transferred, and the accessibility, best-practices and SEO scores. The
load average is printed before and after: Lighthouse's figures move with the machine's load,
so measure on a quiet machine.

The CPU slowdown is Lighthouse's default, 4x, unless ``--cpu-slowdown`` says otherwise:
``auto`` calibrates it to this machine as Lighthouse's documentation advises when its
report warns that the host is slower than it expects (the 2-core machine here measures a
``benchmarkIndex`` of 900 to 1,150, against about 1,533 for which 4x is meant).

A benchmark, not a test: ``tests/test_built_site.py`` checks the bytes a first visit
transfers.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tools.site import Site  # noqa: E402
from tools.site import load as load_site  # noqa: E402

VERSION = "12.2.3"
PAGES = [
    "index",
    "tensors",
    "autograd",
    "examples/quickstart",
    "notebooks/quickstart",
    "examples/report",
]
COMPRESSED = (".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".py", ".ipynb")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped when the client accepts it (text types only, as Pages does)."""

    def log_message(self, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's URL
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (path.is_file() and accepts and path.suffix in COMPRESSED):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")  # as GitHub Pages
        self.end_headers()
        return io.BytesIO(body)


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(GzipHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def lighthouse_cli(folder: Path) -> Path:
    """Lighthouse's CLI under ``folder`` (``node_modules/lighthouse``), installed there
    from npm first if missing; another version than ``VERSION`` is refused."""
    package = folder / "node_modules" / "lighthouse"
    if not (package / "cli" / "index.js").is_file():
        npm = shutil.which("npm")
        if npm is None:
            sys.exit("Lighthouse needs Node.js and npm (apt-get install nodejs npm)")
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [npm, "install", "--prefix", str(folder), "--no-save", "-E", f"lighthouse@{VERSION}"],
            check=True,
        )
    found = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
    if found != VERSION:
        sys.exit(f"{package} is Lighthouse {found}, not {VERSION}: give another --lighthouse")
    return package / "cli" / "index.js"


def calibrated_slowdown(benchmark_index: float) -> float:
    """The CPU slowdown that makes a host with this ``benchmarkIndex`` the mid-tier phone
    Lighthouse's mobile preset stands for, as Lighthouse's calculator computes it (its
    docs/throttling.md, "Calibrating the CPU slowdown": 4x assumes a high-end desktop of
    about 1,533; a 2-core machine here measures 900 to 1,150, where 4x emulates a phone
    about twice as slow)."""
    if benchmark_index >= 1300:
        return 3 + (benchmark_index - 1300) / 233
    if benchmark_index >= 800:
        return 2 + (benchmark_index - 800) / 500
    return max(1.0, 1 + (benchmark_index - 150) / 650)


def run_once(
    cli: Path, url: str, chrome: str, slowdown: float = 4, tries: int = 3
) -> dict[str, float]:
    """One Lighthouse run's figures; a run Lighthouse could not score (on a loaded
    machine it may time out: no score, a ``runtimeError``) is tried again."""
    for _ in range(tries - 1):
        try:
            return _run(cli, url, chrome, slowdown)
        except RuntimeError as exc:
            print(f"  (again: {str(exc).splitlines()[0]})", file=sys.stderr, flush=True)
    return _run(cli, url, chrome, slowdown)


def _run(cli: Path, url: str, chrome: str, slowdown: float) -> dict[str, float]:
    r = subprocess.run(
        [
            "node",
            str(cli),
            url,
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            "--only-categories=performance,accessibility,best-practices,seo",
            "--chrome-flags=--headless=new --no-sandbox",
            f"--throttling.cpuSlowdownMultiplier={slowdown:.2f}",
        ],
        env=dict(os.environ, CHROME_PATH=chrome),
        capture_output=True,
        text=True,
        timeout=300,
    )
    if r.returncode:
        raise RuntimeError(f"lighthouse failed on {url}:\n{r.stderr[-2000:]}")
    report = json.loads(r.stdout)
    cats, audits = report["categories"], report["audits"]
    if any(c["score"] is None for c in cats.values()):
        error = report.get("runtimeError", {}).get("message", "a category has no score")
        raise RuntimeError(f"lighthouse could not score {url}: {error}")
    return {
        "perf": cats["performance"]["score"] * 100,
        "fcp": audits["first-contentful-paint"]["numericValue"] / 1000,
        "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "tbt": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "kib": audits["total-byte-weight"]["numericValue"] / 1024,
        "a11y": cats["accessibility"]["score"] * 100,
        "bp": cats["best-practices"]["score"] * 100,
        "seo": cats["seo"]["score"] * 100,
        "bi": report["environment"]["benchmarkIndex"],
    }


def choose_slowdown(given: str, cli: Path, url: str, chrome: str) -> float:
    """``given`` as a number, or for ``auto`` calibrated from a first run on ``url``."""
    if given != "auto":
        return float(given)
    index = run_once(cli, url, chrome)["bi"]
    slowdown = calibrated_slowdown(index)
    print(f"benchmarkIndex {index:.0f}: CPU slowdown {slowdown:.2f} (Lighthouse's calculator)")
    return slowdown


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def parse_args(site_model: Site) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", nargs="+", default=PAGES, help="slugs (default: %(default)s)")
    parser.add_argument("--langs", nargs="+", default=[x.code for x in site_model.locales])
    parser.add_argument("--json", type=Path, help="also write every run's figures here")
    parser.add_argument(
        "--cpu-slowdown",
        default="4",
        help="Lighthouse's CPU slowdown: a number (default 4, Lighthouse's own), or 'auto': "
        "calibrated to this machine's benchmarkIndex, measured by a first run, as "
        "Lighthouse's docs advise on a slower host (see calibrated_slowdown)",
    )
    parser.add_argument(
        "--lighthouse",
        type=Path,
        default=Path(os.environ.get("LIGHTHOUSE_DIR", ROOT / ".cache" / "lighthouse")),
        help="folder with node_modules/lighthouse (env LIGHTHOUSE_DIR; default %(default)s, "
        "where it is installed from npm when missing)",
    )
    return parser.parse_args()


def main() -> None:
    site_model = load_site(ROOT / "mkdocs.yml")
    args = parse_args(site_model)
    if not (args.site / "index.html").is_file():
        subprocess.run(["mkdocs", "build", "-d", str(args.site)], cwd=ROOT, check=True)
    cli = lighthouse_cli(args.lighthouse)
    chrome = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    server, base = serve(args.site)
    first = base + site_model.locale(args.langs[0]).url(args.pages[0])
    slowdown = choose_slowdown(args.cpu_slowdown, cli, first, chrome)
    print(
        f"load average before: {load()}  (Lighthouse {VERSION}, mobile, CPU slowdown "
        f"{slowdown:.2f}, median of {args.runs})"
    )
    head = "| page | lang | perf | FCP | LCP | TBT | CLS | transferred | a11y | BP | SEO |"
    print(head)
    print("|" + "---|" * (head.count("|") - 1))
    every: dict[str, list[dict[str, float]]] = {}
    try:
        for slug in args.pages:
            for lang in args.langs:
                url = base + site_model.locale(lang).url(slug)
                runs = [run_once(cli, url, chrome, slowdown) for _ in range(args.runs)]
                every[f"{lang}:{slug}"] = runs
                m = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
                print(
                    f"| {slug} | {lang} | {m['perf']:.0f} | {m['fcp']:.1f} s | {m['lcp']:.1f} s "
                    f"| {m['tbt']:,.0f} ms | {m['cls']:.3f} | {m['kib']:,.0f} KiB "
                    f"| {m['a11y']:.0f} | {m['bp']:.0f} | {m['seo']:.0f} |",
                    flush=True,
                )
    finally:
        server.shutdown()
    indexes = [r["bi"] for runs in every.values() for r in runs]
    print(f"load average after: {load()}; benchmarkIndex median {statistics.median(indexes):.0f}")
    if args.json:
        args.json.write_text(json.dumps(every, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
