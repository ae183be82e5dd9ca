"""The text of the pages, outside code: zh quotation marks, and numbers that come from runs."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache
from pathlib import PurePosixPath

import pytest

from tests.project import DEFAULT, OTHER, SITE
from tools import glue, pages, record
from tools.runner import ROOT, Runner

DOCS, SNIPPETS = SITE.docs, SITE.snippets
PAGES = sorted(p.relative_to(DOCS).as_posix() for x in SITE.written for p in SITE.pages(x))
ZH_PAGES = [p for p in PAGES if p.endswith(f".{DEFAULT}.md")]


def slug(page: str) -> str:
    """``examples/lenet.<code>.md`` -> ``examples/lenet``: what every language shares."""
    return page[: -len(f".{DEFAULT}.md")]


def prose_lines(text: str) -> list[tuple[int, str]]:
    """(line number, line) for every line of Markdown text that is not code or markup blocks.

    Left out: fenced blocks (code, Mermaid, snippet includes, also inside admonitions and
    tabs), YAML front matter, HTML comments and display math between ``$$`` lines.
    """
    lines = text.splitlines()
    skip = {n for f in pages.fences(text) for n in range(f.lineno, f.end + 1)}
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), 0)
        skip |= set(range(1, end + 2))
    inside_comment = inside_math = False
    for n, line in enumerate(lines, 1):
        if n in skip:
            continue
        if inside_comment:
            skip.add(n)
            inside_comment = "-->" not in line
        elif "<!--" in line and "-->" not in line.split("<!--", 1)[1]:
            skip.add(n)
            inside_comment = True
        elif line.strip() == "$$":
            skip.add(n)
            inside_math = not inside_math
        elif inside_math:
            skip.add(n)
    return [(n, line) for n, line in enumerate(lines, 1) if n not in skip]


# --------------------------------------------------------------------------------------
# zh prose quotes with “”, never with 「」 or ASCII "…"

CODE_SPAN = re.compile(r"(`+)(.+?)\1")
# Markdown syntax whose ASCII quotes are not quotation marks. The titles of admonitions
# (!!! note "标题", ??? / ???+ for collapsible ones) and of content tabs (=== "标题") are
# kept (group "title") and checked as prose, without the quotes around them.
BLOCK_TITLE = re.compile(
    r"^(?P<lead>\s*(?:(?:!!!|\?\?\?\+?)(?:[ \t]+[\w-]+)+|===\+?))"
    r'[ \t]+"(?P<title>.*)"[ \t]*$'
)
SYNTAX = [
    re.compile(r"\{[ \t]*[#.:][^{}]*\}"),  # attribute lists: { #anchor }, { .class key="v" }
    re.compile(r"\{[^{}]*\b[\w-]+=\"[^\"]*\"[^{}]*\}"),  # { key="value" }
    re.compile(r"<!--.*?-->"),  # an HTML comment
    re.compile(r"</?[A-Za-z][^<>]*>"),  # HTML tags and their attributes
    re.compile(r'(\]\([^()\s]*)[ \t]+"[^"]*"(?=\))'),  # a link's title: [text](url "title")
    re.compile(r'^\s*\[[^\]]+\]:\s+\S+\s+"[^"]*"\s*$'),  # a reference definition's title
    re.compile(r"\$[^$\n]+\$"),  # inline math
]
BAD_QUOTES = re.compile(r'["「」『』]')


def zh_quote_problems(text: str) -> list[tuple[int, str, str]]:
    """(line, its wrong quote marks, the line) for each prose line quoting with other than “”."""
    problems = []
    for n, line in prose_lines(text):
        m = BLOCK_TITLE.match(line)
        checked = m.group("title") if m else line
        checked = CODE_SPAN.sub(" ", glue.GLUE.sub(" ", checked))
        for pattern in SYNTAX:
            checked = pattern.sub(lambda hit: hit.group(1) if hit.re.groups else " ", checked)
        bad = "".join(BAD_QUOTES.findall(checked))
        if bad:
            problems.append((n, bad, line.strip()))
    return problems


@pytest.mark.parametrize("page", ZH_PAGES)
def test_zh_prose_quotes_with_curly_quotes(page: str) -> None:
    """zh prose quotes with “”; 「」 and ASCII "…" are only for code and Markdown syntax."""
    problems = zh_quote_problems((DOCS / page).read_text(encoding="utf-8"))
    assert not problems, "zh prose quotes with “” only:\n" + "\n".join(
        f"docs/{page}:{n}: {bad} in: {line}" for n, bad, line in problems
    )


@pytest.mark.parametrize(
    "text, bad",
    [
        ('它是"最标准"的写法', 2),
        ("说第二个参数是「方差」", 2),
        ("它是“最标准”的写法", 0),
        ('!!! warning "勘误"', 0),
        ('!!! warning "`torch.tensor` 和 `torch.Tensor` 不是一回事"', 0),
        ('??? tip "「折叠」的标题"', 2),
        ('=== "`.to(device)`（推荐）"', 0),
        ("## 标题 { #anchor }", 0),
        ('打印 `print("hi")` 就好', 0),
        ('见 [链接](page.md "标题")，<span title="x">词</span>', 0),
        ('```python\nprint("a")\n```', 0),
        ('到了 {{ output("a.py", "Accuracy: {}%", 4) }}%', 0),
        ('!!! note "标题"\n    ```python title="a.py"\n    x = "b"\n    ```', 0),
    ],
)
def test_zh_quote_check_itself(text: str, bad: int) -> None:
    assert sum(len(b) for _, b, _ in zh_quote_problems(text)) == bad


# --------------------------------------------------------------------------------------
# Numbers quoted from runs must be what the snippets print

# A number taken to be a run's result: a decimal with at least two decimal places
# (2444.16, 0.2490, 0.009462) or a number followed by % (84.3 %, 10.0%, 65%), also at the
# head of a chain "49.5 → 59.2 → 64.9 %". Fewer places are mostly quantities the text
# chooses itself (lr 0.1, p=0.5, torch 2.6). A token is the whole number: not part of a
# longer number ("4.3" in "84.3", "2.14" in "2.14.1") or word.
NUMBER = re.compile(
    r"(?<![0-9A-Za-z_.])(?:"
    r"(?P<pct>\d+(?:\.\d+)?)(?=(?:[ \t]*→[ \t]*\d+(?:\.\d+)?)*[ \t\u00a0]*%)"
    r"|\d+\.\d{2,}(?![0-9]|\.[0-9]))"
)

# A number right after a package's name or "since" is a version (torch 2.11, torchvision 0.26,
# deprecated since 0.13), not a result.
VERSION = re.compile(
    r"(?:\b(?:torch|torchvision|PyTorch|Python|CUDA|cuDNN|NumPy|numpy|"
    r"matplotlib|TensorBoard|tensorboard|since)|版本)[ \t]*v?$"
)


# A number as a whole token of a run's output: not part of a longer number ("84.3" in
# "84.35", "4.3" in "84.3", "14.1" in "2.14.1"); a range "-2.12..2.64" holds two.
OUTPUT_NUMBER = re.compile(r"(?<![0-9A-Za-z_])(?<![0-9]\.)\d+(?:\.\d+)?(?![0-9]|\.[0-9])")


def printed(text: str) -> set[Decimal]:
    """The values of the numbers in ``text``: 0.0600 and 0.06 are the same value, while a
    rounded 0.57 for a printed 0.5741 is not."""
    return {Decimal(n) for n in OUTPUT_NUMBER.findall(text)}


# Numbers that pass without being a run's output, per page (both twins), with the reason.
# Numbers written in the page's snippets' source (lr 0.001, weight_decay 0.005, step 0.01)
# are values the text cites from the code, and need no entry here.
NOT_OUTPUT = {
    ("examples/lenet", "2.3026"): "ln 10, the loss of a uniform guess over 10 classes",
    ("examples/quickstart", "2.3026"): "ln 10, the loss of a uniform guess over 10 classes",
    ("examples/quickstart", "2.137231"): "the notes' own quickstart run",
    ("examples/quickstart", "1.050324"): "the notes' own quickstart run",
    ("examples/quickstart", "52.2"): "the notes' own quickstart run",
    ("examples/quickstart", "66.1"): "the notes' own quickstart run",
    ("examples/sine-fitting", "26.95"): "the notes' own per-sample sine run",
    ("examples/sine-fitting", "0.005396"): "the notes' own sine run",
    ("examples/sine-fitting", "0.018170"): "the notes' own GPU sine run",
    ("torchvision", "1409.1556"): "the VGG paper's arXiv id",
    ("torchvision", "1.03"): "arithmetic in the text: 25088 x 4096 is about 1.03e8",
    ("layers", "0.25"): "a fact about Sigmoid: its derivative peaks at 1/4",
    ("losses-optimizers", "0.92"): "label smoothing worked by hand: 1 - 0.1 + 0.1/5",
    ("losses-optimizers", "0.02"): "label smoothing worked by hand: 0.1/5",
    ("workflow", "80"): "random_split(dataset, [0.8, 0.2]) in the code, as a percentage",
}

# Numbers a page quotes from a snippet shown on another page: checked against that one.
CITED = {
    ("examples/lenet", "45.5"): "examples/quickstart.py",
    ("examples/fast-training", "45.5"): "examples/quickstart.py",
    ("examples/fast-training", "54.0"): "examples/quickstart.py",
}


def quoted_numbers(text: str) -> list[tuple[int, str, str]]:
    """(line, number, the line) for each number in the prose (inline code included)."""
    found = []
    for n, line in prose_lines(text):
        line = glue.GLUE.sub("…", line)  # the build puts the run's number there (tools.glue)
        for m in NUMBER.finditer(line):
            if VERSION.search(line[: m.start()]):
                continue
            found.append((n, m.group("pct") or m.group(), line.strip()))
    return found


def linked_pages(page: str, text: str) -> list[str]:
    """The pages (``slug.<default locale>.md``-style paths under docs/) that ``page`` links to."""
    out = []
    for target in re.findall(r"\]\(([^()#\s]+\.md)(?:#[^()\s]*)?\)", text):
        path = PurePosixPath(page).parent / target
        parts: list[str] = []
        for part in path.parts:
            if part == "..":
                parts.pop()
            elif part != ".":
                parts.append(part)
        stem = "/".join(parts)[: -len(".md")]
        lang = page[-len("xx.md") : -len(".md")]
        if (DOCS / f"{stem}.{lang}.md").is_file():
            out.append(f"{stem}.{lang}.md")
    return out


def page_snippets(page: str) -> list[str]:
    """The Python snippets whose output a page may quote: its own, else (an overview page
    without snippets) those of the pages it links to."""
    text = (DOCS / page).read_text(encoding="utf-8")
    own = pages.shown(SITE, DOCS / page)
    if not own:
        own = [s for linked in linked_pages(page, text) for s in pages.shown(SITE, DOCS / linked)]
    return [s.relative_to(SNIPPETS).as_posix() for s in own]


@cache
def output(snippet: str) -> set[Decimal]:
    """The values of the numbers ``snippet`` prints: in this build, and in its GPU recording
    (shown in the block's GPU tab; ``tests/test_site.py`` fails on a stale one)."""
    recording = record.load(ROOT, SNIPPETS / snippet)
    gpu = printed(recording.stdout) if recording else set()
    return printed(Runner(ROOT).result(SNIPPETS / snippet).stdout) | gpu


@pytest.mark.parametrize("page", PAGES)
def test_numbers_quoted_in_prose_are_real_outputs(page: str) -> None:
    """A result quoted in a page's text must be printed, exactly, by the page's snippets.

    Typed-in results go stale silently when a snippet or library changes; this catches them.
    """
    text = (DOCS / page).read_text(encoding="utf-8")
    snippets = page_snippets(page)
    # as written, not as values: "0.001" in `lr=0.001`, but not "10.0" (%) for a `10` in the code
    code = set(
        OUTPUT_NUMBER.findall(
            "\n".join((SNIPPETS / s).read_text(encoding="utf-8") for s in snippets)
        )
    )
    stale = []
    for n, number, line in quoted_numbers(text):
        if (slug(page.replace(f".{OTHER}.md", f".{DEFAULT}.md")), number) in NOT_OUTPUT:
            continue
        cited = CITED.get((slug(page.replace(f".{OTHER}.md", f".{DEFAULT}.md")), number))
        if cited is None and number in code:
            continue  # a value from the code (a hyperparameter), not from a run
        where = [cited] if cited else snippets
        if not any(Decimal(number) in output(s) for s in where):
            by = where[0] if len(where) == 1 else f"any of its {len(where)} snippets"
            stale.append(f"docs/{page}:{n}: {number} (not printed by {by}) in: {line[:100]}")
    assert not stale, "numbers in the text that the snippets do not print:\n" + "\n".join(stale)


def test_number_allow_lists_are_still_used() -> None:
    """An entry of NOT_OUTPUT or CITED whose number left its page must go too."""
    unused = []
    for (page_slug, number), why in {**NOT_OUTPUT, **CITED}.items():
        quoted = {
            n
            for lang in (DEFAULT, OTHER)
            for _, n, _ in quoted_numbers(
                (DOCS / f"{page_slug}.{lang}.md").read_text(encoding="utf-8")
            )
        }
        if number not in quoted:
            unused.append(f"{page_slug}: {number} ({why})")
    assert not unused, "allow-list entries no page quotes any more:\n" + "\n".join(unused)


@pytest.mark.parametrize(
    "line, numbers",
    [
        ("到 84.3 %（0.428607），2444.16 与 37.85", ["84.3", "0.428607", "2444.16", "37.85"]),
        ("torch 2.14.1, lr 0.1, p=0.5, 4,690 次", []),
        ("torch 2.11 对应 torchvision 0.26，deprecated since 0.13", []),
        ("准确率 65%，`tensor([-0.3457])`", ["65", "0.3457"]),
        (
            "curve 49.5 → 59.2 → 64.9 %, loss 0.570845 → 0.009462",
            ["49.5", "59.2", "64.9", "0.570845", "0.009462"],
        ),
        ("arXiv 1409.1556v6", ["1409.1556"]),
        ('reaches {{ output("a.py", "Accuracy: {}%", 4) }}% after 1.25 s', ["1.25"]),
    ],
)
def test_number_extraction_itself(line: str, numbers: list[str]) -> None:
    assert [n for _, n, _ in quoted_numbers(line)] == numbers


def test_numbers_match_whole_tokens_only() -> None:
    assert Decimal("4.3") not in printed("Accuracy: 84.3%")
    assert Decimal("84.3") not in printed("Accuracy: 84.35%")
    assert Decimal("14.1") not in printed("torch 2.14.1")
    assert Decimal("84.3") in printed("Accuracy: 84.3%, Avg loss")
    assert Decimal("0.2490") in printed("baseline (notes)        0.2490    0.4255")
    assert Decimal("2.64") in printed("range -2.12..2.64")
    assert Decimal("0.06") in printed("tensor([2.0000, 0.4000, 0.0600])")
    assert Decimal("0.57") not in printed("final loss 0.5741")
