"""An author's check of one page, in seconds: ``python -m tools.check tensors``.

For each page named (a slug such as ``tensors`` or ``examples/lenet``, or a path to either
twin): the site's rules that concern it (twins, anchors, fences, includes, nav), then
each of its blocks run through the cache (``tools.runner``), printing the output, the
stderr and where each figure is. ``--twice`` runs its snippets once more with the cache
bypassed and reports any output that differs (CI does this for every chapter: see
``rerun_differences``). Exit status 0 when all is well.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from mkdocs.config import load_config

from tools import pages
from tools.runner import Runner, SnippetError, show, varies
from tools.site import ROOT, Site
from tools.site import load as load_site


def first_difference(a: str, b: str) -> str | None:
    """Where two outputs first differ, as "line N: 'x' then 'y'"; None if equal."""
    if a == b:
        return None
    la, lb = a.splitlines(), b.splitlines()
    for n, (x, y) in enumerate(zip(la, lb), 1):
        if x != y:
            return f"line {n}: {x!r} then {y!r}"
    n = min(len(la), len(lb)) + 1
    return f"line {n}: {(la[n - 1 :] or [''])[0]!r} then {(lb[n - 1 :] or [''])[0]!r}"


def rerun_differences(runner: Runner, snippets: Sequence[Path]) -> list[str]:
    """Run ``snippets`` again with the cache bypassed; each whose output differs from its
    cached run, named with its first differing line. Snippets marked
    ``# output varies: why`` are exempt."""
    with tempfile.TemporaryDirectory(prefix="second-run-") as scratch:
        again = Runner(runner.root, cache_dir=Path(scratch))
        checked = [s for s in snippets if not varies(s)]
        second = again.run_all(checked)
        problems = []
        for snippet in checked:
            rel = runner.rel(snippet)
            result = second[snippet.resolve()]
            if isinstance(result, SnippetError):
                problems.append(f"{rel}: failed on its second run: {result}")
                continue
            diff = first_difference(runner.result(snippet).stdout, result.stdout)
            if diff:
                problems.append(
                    f"{rel}: a second run printed something else, {diff}; seed "
                    "it (torch.manual_seed(0)) or mark it '# output varies: why'"
                )
        return problems


def _page(arg: str, site: Site) -> Path:
    slug = arg.removeprefix("docs/").removesuffix(".md")
    for x in site.locales:
        slug = slug.removesuffix(f".{x.code}")
    page = site.docs / site.default.page(slug)
    if not page.is_file():
        raise SystemExit(f"no page '{arg}': expected {page.relative_to(ROOT)}")
    return page


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.check",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("pages", nargs="+", help="slug (tensors, examples/lenet) or path")
    parser.add_argument(
        "--twice",
        action="store_true",
        help="also run the snippets again, cache bypassed, and compare",
    )
    args = parser.parse_args(argv)
    config = load_config(str(ROOT / "mkdocs.yml"))
    site = load_site(ROOT / "mkdocs.yml")
    docs = site.docs
    chosen = [_page(a, site) for a in args.pages]
    problems = pages.site_problems(config)
    runner = Runner(ROOT)
    runner.log = lambda msg: print(msg, file=sys.stderr)
    failed = 0
    for page in chosen:
        slug = site.slug(page)
        twins = [docs / x.page(slug) for x in site.written]
        names = [str(t.relative_to(ROOT)) for t in twins] + [f"{slug}.md"]
        mine = [p for p in problems if any(n in p for n in names)]
        print(
            f"# {page.relative_to(ROOT)}: "
            + ("rules OK" if not mine else f"{len(mine)} problem(s)")
        )
        for problem in mine:
            print(f"  {problem}")
        failed += len(mine)
        shown = pages.shown(site, page)
        results = runner.run_all(shown)
        for path in shown:
            result = results[path]
            if isinstance(result, SnippetError):
                failed += 1
                print(f"FAILED {result}")
            else:
                show(result)
        if args.twice:
            for problem in rerun_differences(runner, shown):
                failed += 1
                print(f"DIFFERS {problem}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
