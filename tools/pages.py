"""Read the fences and headings of our Markdown pages and check the site's rules.

Shared by the MkDocs hook (the build fails on any problem), ``conftest.py`` (each block's
test) and ``tools.check``, in the same words: ``located`` writes every problem as
``docs/x.md:LINE: what``. Include lines are recognised with pymdown-extensions' own
pattern, not a re-implementation. Each page is written once per hand-written locale
(``x.<code>.md``, ``tools.site``); the snippets live in the folder ``tools.site`` names.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from tools.fences import (  # read here, re-exported: the rules' callers use pages.*
    FORBIDDEN_LANGS as FORBIDDEN_LANGS,
)
from tools.fences import (
    ORPHAN as ORPHAN,
)
from tools.fences import (
    PYTHON_LEXERS as PYTHON_LEXERS,
)
from tools.fences import (
    Fence as Fence,
)
from tools.fences import (
    block_problem as block_problem,
)
from tools.fences import (
    fences as fences,
)
from tools.fences import (
    headings as headings,
)
from tools.fences import (
    includes as includes,
)
from tools.fences import (
    is_hidden as is_hidden,
)
from tools.fences import (
    is_litter as is_litter,
)
from tools.fences import (
    is_python as is_python,
)
from tools.fences import (
    resolve as resolve,
)
from tools.fences import (
    stray_includes as stray_includes,
)
from tools.fences import (
    typed_output as typed_output,
)
from tools.site import LOCALES_DIR, Locale, Site, locale_problems
from tools.site import load as load_site


def shown(site: Site, page: Path) -> list[Path]:
    """Which snippets ``page`` shows (and the build runs): the ``.py`` file each of its
    fences includes, resolved, in page order, repeats kept; a fence the rules reject
    (``block_problem``) shows none. The one answer for build, report, check and tests."""
    return [
        (site.snippets / include).resolve()
        for f in fences(page.read_text(encoding="utf-8"))
        if (include := f.include or "").endswith(".py")
        and not block_problem(f, site.snippets, site.root)
    ]


def first_shown(site: Site, nav: list[str]) -> dict[Path, Path]:
    """Every snippet the written pages show, with the first page showing it, in the
    order a reader meets them: by ``nav`` (``nav_order``), the default language first."""
    rank = {x.code: i for i, x in enumerate(site.written)}
    place = {path: i for i, path in enumerate(nav)}

    def order(page: Path) -> tuple[int, str, int]:
        slug, locale = site.slug(page), site.locale_of(page.name)
        return place.get(f"{slug}.md", len(place)), slug, rank.get(locale.code if locale else "", 9)

    first: dict[Path, Path] = {}
    for page in sorted((p for x in site.written for p in site.pages(x)), key=order):
        for snippet in shown(site, page):
            first.setdefault(snippet, page)
    return first


def shown_on(page: Path | str, line: int | None = None) -> str:
    """What an error adds about the page showing a snippet: `` (shown on page x:LINE)``."""
    return f" (shown on page {page}{'' if line is None else f':{line}'})"


def located(page: Path | str, line: int | None, problem: str) -> str:
    """A problem in the words every check uses: ``docs/x.md:LINE: what``."""
    return f"{page}:{line}: {problem}" if line is not None else f"{page}: {problem}"


def check(site: Site) -> list[str]:
    """Every rule violation in the site's pages and snippets, each naming its file and
    line. Generated locales' pages (``tools.generate``) are the build's, not checked."""
    problems: list[str] = locale_problems(site)
    used: set[Path] = set()
    codes = [x.code for x in site.written]
    for page in sorted(p for p in site.docs.rglob("*.md") if not is_scratch(p)):  # not: .#x.md
        locale = site.locale_of(page.name)
        if locale is None:
            names = ", ".join(f"x.{c}.md" for c in codes)
            problems.append(
                located(
                    page.relative_to(site.root),
                    None,
                    f"name a page x.<language>.md, one of: {names}",
                )
            )
        elif not locale.generated:
            problems += _page_problems(site, page, locale, used)
    for snippet in sorted(site.snippets.rglob("*")):  # hidden ones too: never included
        rel = snippet.relative_to(site.snippets)
        if snippet.is_file() and not is_litter(rel) and Path(os.path.realpath(snippet)) not in used:
            hidden = " (a hidden name: never included)" if is_hidden(rel) else ""
            problems.append(f"{snippet.relative_to(site.root)}{hidden}{ORPHAN}")
    return problems


def _page_problems(site: Site, page: Path, locale: Locale, used: set[Path]) -> list[str]:
    """What is wrong with one written page (and its twins); adds what it includes to
    ``used``."""
    root, docs, snippets, rel = site.root, site.docs, site.snippets, page.relative_to(site.root)
    problems: list[str] = []
    text = page.read_text(encoding="utf-8")
    for f in fences(text):
        problem = block_problem(f, snippets, root)
        if problem:
            problems.append(located(rel, f.lineno, problem))
        elif f.include is not None:
            used.add(Path(os.path.realpath(snippets / f.include)))
    for n, problem in sorted([*stray_includes(text), *typed_output(text)]):
        problems.append(located(rel, n, problem))
    for n, heading, anchor in headings(text):
        if anchor is None:
            why = f"heading '{heading}' needs an explicit {{ #anchor }} shared by all languages"
            problems.append(located(rel, n, why))
    slug = site.slug(page)
    for other in site.written:
        twin = docs / other.page(slug)
        if other == locale:
            continue
        if not twin.is_file():
            problems.append(
                located(rel, None, f"its translation {twin.relative_to(root)} is missing")
            )
        elif locale.default:
            problems += _compare(
                rel, text, twin.relative_to(root), twin.read_text(encoding="utf-8")
            )
    return problems


def is_scratch(path: Path) -> bool:
    """Editor and interpreter litter, never a page (nor a change ``mkdocs serve`` rebuilds
    for): dotfiles, ``x~``, ``#x#``, ``*.swp``, ``__pycache__``. Under snippets/ the
    orphan check ignores only ``is_litter``: another hidden file there is an orphan."""
    return (
        any(part.startswith(".") or part == "__pycache__" for part in path.parts[-3:])
        or path.name.startswith("#")
        or path.name.endswith(("~", ".swp", ".swo", ".pyc", ".orig", ".bak"))
    )


def _located_includes(text: str) -> list[tuple[str, int]]:
    return [(f.include, f.lineno) for f in fences(text) if f.include is not None]


def _compare(zh: Path, zh_text: str, en: Path, en_text: str) -> list[str]:
    problems = []
    a, b = _located_includes(zh_text), _located_includes(en_text)
    if [x for x, _ in a] != [x for x, _ in b]:
        details = []
        for target in dict.fromkeys(x for x, _ in a + b):
            la = [n for x, n in a if x == target]
            lb = [n for x, n in b if x == target]
            if len(la) != len(lb):
                details.append(
                    f"'{target}' is included {len(la)}x in {zh}"
                    + (f" (line {', '.join(map(str, la))})" if la else "")
                    + f" but {len(lb)}x in {en}"
                    + (f" (line {', '.join(map(str, lb))})" if lb else "")
                )
        if not details:  # the same includes, in another order: show the first difference
            (xa, na), (xb, nb) = next((p, q) for p, q in zip(a, b) if p[0] != q[0])
            details.append(f"{zh}:{na} includes '{xa}' where {en}:{nb} includes '{xb}'")
        problems.append(f"{zh} and {en}: snippet includes differ: " + "; ".join(details))
    return problems + _anchor_problems(zh, zh_text, en, en_text)


def _anchor_problems(zh: Path, zh_text: str, en: Path, en_text: str) -> list[str]:
    """Each heading anchor one language has and the other lacks, with its file and line
    (and, if the other has an unmatched anchor at the same heading, that one); or the
    first heading where the order differs."""
    ha = [(n, a) for n, _, a in headings(zh_text) if a]
    hb = [(n, a) for n, _, a in headings(en_text) if a]
    ids_a, ids_b = [a for _, a in ha], [a for _, a in hb]
    problems = []
    for here, there, mine, theirs, other in ((zh, en, ha, ids_b, hb), (en, zh, hb, ids_a, ha)):
        for i, (n, anchor) in enumerate(mine):
            if anchor in theirs:
                continue
            hint = ""
            if i < len(other) and other[i][1] not in [a for _, a in mine]:
                hint = f" (its heading {i + 1} at line {other[i][0]} has '#{other[i][1]}')"
            problems.append(
                located(
                    here,
                    n,
                    f"heading anchor '#{anchor}' is not in {there}{hint}; give both "
                    "languages the same anchors",
                )
            )
    if not problems and ids_a != ids_b:
        i = next(i for i, (x, y) in enumerate(zip(ids_a, ids_b)) if x != y)
        problems.append(
            located(
                zh,
                ha[i][0],
                f"heading anchor '#{ids_a[i]}' comes where {en}:{hb[i][0]} has "
                f"'#{ids_b[i]}'; put the headings in the same order",
            )
        )
    return problems


BARE_ALT = re.compile(r"\D*\d+")  # "图 1", "Figure 2": a number, no words of the figure's


def alt_problem(alt: str, where: str) -> str | None:
    """The alt-text rule (build's figures, ``tools.check``, the built site's test): a
    figure's alt text says what it shows, never only its number."""
    if not BARE_ALT.fullmatch(alt):
        return None
    return (
        f"{where}: figure alt text '{alt}' is only a number; give the figure a title, axis "
        "labels or plt.figure('alt text')"
    )


def concerning(problems: list[str], site: Site, slug: str) -> list[str]:
    """The problems (``site_problems``) that concern page ``slug``: its twins' (and a
    missing twin), orphans in its snippet folder, and ``mkdocs.yml``'s nav (the build
    fails on any of them, whichever page is checked)."""
    twins = [f"{site.docs.relative_to(site.root)}/{x.page(slug)}" for x in site.written]
    folder = f"{site.snippets.relative_to(site.root)}/{slug}/"
    return [
        p
        for p in problems
        if p.startswith(tuple(f"{t}:" for t in twins) + tuple(f"{t} and" for t in twins))
        or (p.startswith(folder) and p.endswith(ORPHAN))
        or p.startswith(("mkdocs.yml", f"{LOCALES_DIR}/"))
        or f"'- <title>: {slug}.md'" in p
    ]


def nav_problems(
    nav: list[Any] | None, site: Site, translations: dict[str, dict[str, str]]
) -> list[str]:
    """What is wrong with ``nav`` (mkdocs.yml): page pairs missing from it, entries that
    name a language file, titles without a translation for each other language.

    ``translations`` maps each non-default locale to its ``nav_translations``.
    """
    if nav is None:
        return []  # no nav: MkDocs lists every page itself
    problems: list[str] = []
    listed: set[str] = set()
    codes = "|".join(re.escape(x.code) for x in site.locales)
    for target in nav_order(nav):
        m = re.fullmatch(rf"(.+)\.({codes})\.md", target)
        if m:
            problems.append(
                f"mkdocs.yml nav: '{target}' names one language's file; "
                f"write '{m.group(1)}.md' (each language gets its own)"
            )
            target = f"{m.group(1)}.md"
        listed.add(target)
    for page in site.pages():
        rel = site.slug(page) + ".md"
        if rel not in listed:
            problems.append(
                f"docs/{site.default.page(rel[:-3])} is not in mkdocs.yml's nav: "
                f"add '- <title>: {rel}' where it belongs"
            )
    for locale, table in sorted(translations.items()):
        missing = [t for t in dict.fromkeys(nav_titles(nav)) if t not in table and not t.isascii()]
        for title in missing:
            problems.append(
                f"mkdocs.yml nav title '{title}' has no '{locale}' translation: "
                f"add '{title}: …' to that language's nav_translations"
            )
    return problems


def nav_titles(nav: list[Any] | None) -> list[str]:
    """Every title ``nav`` writes (sections and pages), in order."""
    out: list[str] = []
    for item in nav or []:
        if isinstance(item, dict):
            for title, value in item.items():
                out.append(str(title))
                if isinstance(value, list):
                    out += nav_titles(value)
    return out


def nav_order(nav: list[Any] | None) -> list[str]:
    """The pages ``nav`` lists (``x.md``), in the order a reader meets them."""
    out: list[str] = []

    def walk(items: list[Any]) -> None:
        for item in items:
            for value in [item] if isinstance(item, str) else list(item.values()):
                if isinstance(value, list):
                    walk(value)
                else:
                    out.append(str(value))

    walk(nav or [])
    return out


def site_problems(config: Any) -> list[str]:
    """Every rule a loaded MkDocs ``config`` breaks: pages, snippets and nav (the one check
    the build and ``tools.check`` run)."""
    site = load_site(config.config_file_path)
    i18n = config.plugins.get("i18n")
    written = {x.code for x in site.written if not x.default}
    translations = {
        lang.locale: dict(lang.nav_translations or {})
        for lang in (i18n.config.languages if i18n else [])
        if lang.locale in written
    }
    return check(site) + nav_problems(config.nav, site, translations)


def written_problems(config_file: Path) -> list[str]:
    """``site_problems``, with the nav and ``nav_translations`` read from ``mkdocs.yml`` as
    written: what ``tools.check`` and pytest use, as loading MkDocs' config imports every
    plugin (seconds). The same list (``tests/test_check.py`` compares them)."""
    from mkdocs.utils.yaml import yaml_load  # MkDocs' loader (!ENV, !relative, python tags)

    raw = dict(yaml_load(config_file.read_text(encoding="utf-8")) or {})
    site = load_site(config_file)
    plugins = [p for p in raw.get("plugins") or [] if isinstance(p, dict) and "i18n" in p]
    languages = (plugins[0]["i18n"] or {}).get("languages") or [] if plugins else []
    written = {x.code for x in site.written if not x.default}
    translations = {
        str(lang["locale"]): dict(lang.get("nav_translations") or {})
        for lang in languages
        if str(lang.get("locale")) in written
    }
    return check(site) + nav_problems(raw.get("nav"), site, translations)
