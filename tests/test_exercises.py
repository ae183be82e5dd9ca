"""Every chapter ends with exercises whose solutions are snippets the build ran.

A chapter is a page at the top of docs/ other than the home page (the examples have their own
folder). Its last section, in every written language, is ``## … { #exercises }``: 3 to 5
collapsed ``??? success`` blocks, each including one ``<slug>/exercise_<n>_<what>.py``, n
counting from 1; on the built site (every language, generated ones too) each solution's
block holds its snippet's real output.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from tests.project import SITE
from tools import pages
from tools.runner import ROOT, Runner

ANCHOR = "exercises"
FEWEST, MOST = 3, 5
CHAPTERS = sorted(
    slug for slug in (SITE.slug(p) for p in SITE.pages()) if "/" not in slug and slug != "index"
)
SOLUTION = re.compile(r"^(?P<indent>[ \t]*)\?\?\?\+?[ \t]+success\b")


def exercise_problems(text: str, slug: str) -> tuple[list[str], list[str]]:
    """(problems, the snippet each solution includes, in order) for one page's text."""
    lines = text.splitlines()
    level2 = [
        (n, anchor) for n, _, anchor in pages.headings(text) if lines[n - 1].startswith("## ")
    ]
    if not level2 or level2[-1][1] != ANCHOR:
        return [f"the page does not end with a '## … {{ #{ANCHOR} }}' section"], []
    start = level2[-1][0]
    section = lines[start:]
    problems: list[str] = []
    solutions: list[str] = []
    name = re.compile(rf"^{re.escape(slug)}/exercise_(\d+)_\w+\.py$")
    for i, line in enumerate(section):
        m = SOLUTION.match(line)
        if not m:
            continue
        body = []  # the admonition's content: what is indented deeper, blank lines included
        for inner in section[i + 1 :]:
            if inner.strip() and len(inner) - len(inner.lstrip()) <= len(m.group("indent")):
                break
            body.append(inner)
        found = pages.includes("\n".join(body))
        at = start + i + 1
        if len(found) != 1:
            problems.append(f"line {at}: a solution includes {len(found)} snippets, not 1")
            continue
        hit = name.match(found[0])
        if not hit:
            problems.append(
                f"line {at}: the solution includes '{found[0]}', not "
                f"'{slug}/exercise_<n>_<what>.py'"
            )
        elif int(hit.group(1)) != len(solutions) + 1:
            problems.append(f"line {at}: solution {len(solutions) + 1} includes '{found[0]}'")
        solutions.append(found[0])
    if not FEWEST <= len(solutions) <= MOST:
        problems.append(f"{len(solutions)} solutions, not {FEWEST} to {MOST}")
    return problems, solutions


@pytest.mark.parametrize("slug", CHAPTERS)
def test_each_chapter_ends_with_exercises(slug: str) -> None:
    found = {}
    for locale in SITE.written:
        page = SITE.docs / locale.page(slug)
        problems, found[locale.code] = exercise_problems(page.read_text("utf-8"), slug)
        assert not problems, "\n".join(f"docs/{locale.page(slug)}: {p}" for p in problems)
    assert len(set(map(tuple, found.values()))) == 1, f"{slug}: solutions differ: {found}"


def solutions_shown(page_html: str) -> list[tuple[str, str]]:
    """(snippet, output) for each ``success`` block of the built exercises section."""
    section = page_html.split(f'id="{ANCHOR}"', 1)[1] if f'id="{ANCHOR}"' in page_html else ""
    out = []
    for block in re.findall(r'<details class="success"[^>]*>(.*?)</details>', section, flags=re.S):
        shown = re.search(
            r'<div class="snippet-output" data-snippet="snippets/([^"]+)">\n<p[^>]*>[^<]*</p>\n'
            r'<pre><code tabindex="0"[^>]*>(.*?)</code></pre>',
            block,
            flags=re.S,
        )
        out.append((shown.group(1), html.unescape(shown.group(2))) if shown else ("", ""))
    return out


@pytest.mark.parametrize("slug", CHAPTERS)
def test_each_solution_shows_its_real_output(site: Path, slug: str) -> None:
    _, expected = exercise_problems((SITE.docs / SITE.default.page(slug)).read_text("utf-8"), slug)
    assert expected, f"{slug}: no exercises on the page"
    runner = Runner(ROOT)
    for locale in SITE.locales:  # the generated languages too
        url = SITE.locale(locale.code).prefix + f"{slug}/index.html"
        shown = solutions_shown((site / url).read_text("utf-8"))
        assert [s for s, _ in shown] == expected, f"{url}: solutions without their output"
        for snippet, output in shown:
            assert output.strip(), f"{url}: {snippet} shows no output"
            assert output == runner.result(ROOT / "snippets" / snippet).stdout, (url, snippet)


GOOD = """\
# T { #t }

## Exercises { #exercises }

Intro.

1. Do this.

    ??? success "Solution"

        ```python
        --8<-- "t/exercise_1_a.py"
        ```

        It prints 1.

2. And this.

    ??? success "Solution"

        ```python
        --8<-- "t/exercise_2_b.py"
        ```

3. And that.

    ??? success "Solution"

        ```python
        --8<-- "t/exercise_3_c.py"
        ```
"""


@pytest.mark.parametrize(
    "text, problem",
    [
        (GOOD, None),
        (GOOD.replace("{ #exercises }", "{ #practice }"), "does not end with"),
        (GOOD + "\n## Summary { #summary }\n", "does not end with"),
        (GOOD.replace("exercise_3_c", "exercise_4_c"), "solution 3 includes"),
        (GOOD.replace("t/exercise_2_b.py", "t/other.py"), "includes 't/other.py'"),
        (GOOD.split("3. And that.")[0], "2 solutions"),
        (
            GOOD.replace(
                "        It prints 1.", '        ```python\n        --8<-- "t/x.py"\n        ```'
            ),
            "includes 2 snippets",
        ),
    ],
)
def test_the_exercise_check_itself(text: str, problem: str | None) -> None:
    problems, _ = exercise_problems(text, "t")
    if problem is None:
        assert problems == []
    else:
        assert any(problem in p for p in problems), problems
