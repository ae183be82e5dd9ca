"""An author's check of one page, in seconds: ``python -m tools.check tensors``.

For each page named (a slug such as ``tensors`` or ``examples/lenet``, or a path to either
twin), every rule the build and the tests apply to it, in their words: the site's rules
(``pages.written_problems``, the build's ``site_problems``: twins, heading anchors, typed code, includes, orphans in its
snippet folder, ``mkdocs.yml``'s nav and ``nav_translations``), its sections' sync status
(``tools.sync``, with the command that records them), then each of its blocks run through
the cache (``tools.runner``), printing the output, the stderr and where each figure is,
and each figure's alt text in every written language (``pages.alt_problem``), and each
number its text quotes from a run (``tools.glue``) in every written language.
``--twice`` runs its snippets once more with the cache bypassed and reports any printed
output or figure that differs (CI does this for every chapter: see
``rerun_differences``). Exit status 0 when all is well, 1 otherwise.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from tools import glue, pages, sync
from tools.render import figure_alt
from tools.runner import Result, Runner, SnippetError, show, varies
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
            first = runner.result(snippet)
            diff = first_difference(first.stdout, result.stdout) or figure_difference(first, result)
            if diff:
                problems.append(
                    f"{rel}: a second run printed something else, {diff}; seed "
                    "it (torch.manual_seed(0)) or mark it '# output varies: why'"
                )
        return problems


def pixels(png: Path) -> str:
    """A hash of a PNG's pixels (not its bytes: metadata may differ between equal images)."""
    from PIL import Image  # matplotlib's own dependency; only --twice needs it

    with Image.open(png) as image:
        rgba = image.convert("RGBA")
        return hashlib.sha256(f"{rgba.size}".encode() + rgba.tobytes()).hexdigest()


def figure_difference(a: Result, b: Result) -> str | None:
    """Where two runs' figures first differ ("figure 2: other pixels"); None if equal."""
    if len(a.figures) != len(b.figures):
        return f"{len(a.figures)} figure(s) then {len(b.figures)}"
    for n, (x, y) in enumerate(zip(a.figures, b.figures), 1):
        if x.read_bytes() != y.read_bytes() and pixels(x) != pixels(y):
            return f"figure {n}: other pixels"
    return None


def figure_problems(site: Site, result: Result, where: str) -> list[str]:
    """Each figure of ``result`` whose alt text, in a written language, is only a number."""
    problems = []
    for x in site.written:
        labels = site.labels(x.code)
        for i in range(len(result.figures)):
            described = result.described[i] if i < len(result.described) else {}
            alt = figure_alt(i + 1, described, labels)
            problem = pages.alt_problem(alt, f"{result.snippet}, figure {i + 1} ({x.code}){where}")
            if problem:
                problems.append(problem)
    return problems


def page_problems(
    site: Site, problems: list[str], drifts: list[sync.Drift], slug: str
) -> list[str]:
    """Every rule page ``slug`` breaks, in the build's and the tests' words: the site's
    rules that concern it (``pages.concerning``) and its sections out of step
    (``tools.sync``), with the one command that records a new page's sections."""
    # An anchor one language lacks: the anchor rule says where (file, line, language).
    out_of_step = [d for d in drifts if d.page == slug and not d.absent]
    command = sync.record_command(drifts, slug)
    if command:  # a new page: one line, one command
        anchors = ", ".join(f"#{d.anchor}" for d in out_of_step)
        return pages.concerning(problems, site, slug) + [
            f"docs/{slug}: {len(out_of_step)} new section(s) not in {sync.LOCK} yet "
            f"({anchors}); once both languages say the same, record them: `{command}`"
        ]
    return pages.concerning(problems, site, slug) + [str(d) for d in out_of_step]


def quote_problems(site: Site, runner: Runner, page: Path) -> list[str]:
    """Each reference to a run's output in the text of ``page`` and its twins
    (``tools.glue``) that finds no number, in the build's words."""

    def stdout(name: str) -> str:
        return runner.result(glue.snippet(site.snippets, name)).stdout

    problems = []
    for twin in (site.docs / x.page(site.slug(page)) for x in site.written):
        try:
            glue.fill(twin.read_text(encoding="utf-8"), stdout)
        except glue.GlueError as exc:
            problems.append(pages.located(twin.relative_to(ROOT), exc.line, str(exc)))
        except (OSError, SnippetError) as exc:
            problems.append(f"{twin.relative_to(ROOT)}: {exc}")
    return problems


def _page(arg: str, site: Site) -> Path:
    slug = arg.removeprefix("docs/").removesuffix(".md")
    for x in site.locales:
        slug = slug.removesuffix(f".{x.code}")
    twins = [site.docs / x.page(slug) for x in site.written]  # the default first
    found = [t for t in twins if t.is_file()]
    if not found:
        raise SystemExit(f"no page '{arg}': expected {twins[0].relative_to(ROOT)}")
    return found[0]


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
    site = load_site(ROOT / "mkdocs.yml")
    chosen = [_page(a, site) for a in args.pages]
    problems = pages.written_problems(ROOT / "mkdocs.yml")
    drifts = sync.drifts(ROOT)
    runner = Runner(ROOT)
    runner.log = lambda msg: print(msg, file=sys.stderr)
    failed = 0
    for page in chosen:
        mine = page_problems(site, problems, drifts, site.slug(page))
        print(f"# {page.relative_to(ROOT)}: " + (f"{len(mine)} problem(s)" if mine else "rules OK"))
        for problem in mine:
            print(f"  {problem}")
        failed += len(mine) + _blocks(site, runner, page, args.twice)
        for problem in quote_problems(site, runner, page):
            failed += 1
            print(f"QUOTE {problem}")
    return 1 if failed else 0


def _blocks(site: Site, runner: Runner, page: Path, twice: bool) -> int:
    """Run (or read) the page's snippets, show each, check its figures; the failures."""
    failed = 0
    lines = {
        (site.snippets / f.include).resolve(): f.lineno
        for f in reversed(pages.fences(page.read_text(encoding="utf-8")))
        if f.include
    }
    shown = pages.shown(site, page)
    results = runner.run_all(shown)
    for path in shown:
        result = results[path]
        if isinstance(result, SnippetError):
            failed += 1
            print(f"FAILED {result}")
            continue
        show(result)
        where = pages.shown_on(page.relative_to(ROOT), lines.get(path))
        for problem in figure_problems(site, result, where):
            failed += 1
            print(f"FIGURE {problem}")
    if twice:
        for problem in rerun_differences(runner, shown):
            failed += 1
            print(f"DIFFERS {problem}")
    return failed


if __name__ == "__main__":
    raise SystemExit(main())
