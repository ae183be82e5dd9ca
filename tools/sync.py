"""Keep the Chinese and English pages in step, section by section.

Both languages are written by hand, so they drift as they are edited. ``sync.lock.json``
(committed, at the repository root) records, for every page and heading anchor, a hash of
each language's section as it was when the two last said the same thing. Then:

* ``python -m tools.sync`` lists every section that changed in one language only (or in
  both since the lock was written), naming page and anchor; ``tests/test_sync.py`` fails
  on the same list.
* ``python -m tools.sync update PAGE#ANCHOR ...`` records the sections as in step again,
  after the other language was updated; ``update PAGE`` records every section of a page
  (a new page, say), and ``update`` with no argument every section of the site.
* ``python -m tools.sync behind PAGE#ANCHOR LANG`` marks LANG's section as knowingly
  behind: the tests accept it, and the built page shows readers of LANG a short notice
  linking to the same section in the other language, until ``update`` clears it.

A section is a heading's line and everything up to the next heading of any level; the
page's text before its first heading belongs to no section. PAGE is the path under docs/
without language and suffix (``autograd``, ``examples/sine-fitting``).
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from tools import pages, writing
from tools.site import load as load_site

LOCK = "sync.lock.json"


def sections(text: str) -> dict[str, str]:
    """Anchor (or ``#N`` for the N-th heading without one) -> hash of its section."""
    lines = text.splitlines()
    found = list(pages.headings(text))
    out = {}
    for i, (lineno, _, anchor) in enumerate(found):
        end = found[i + 1][0] - 1 if i + 1 < len(found) else len(lines)
        body = "\n".join(line.rstrip() for line in lines[lineno - 1 : end]).strip()
        out[anchor or f"#{i + 1}"] = hashlib.sha256(body.encode()).hexdigest()[:16]
    return out


def languages(root: Path) -> list[str]:
    """The hand-written locales' codes (generated ones cannot drift), the default first."""
    return [x.code for x in load_site(root / "mkdocs.yml").written]


def page_sections(root: Path) -> dict[str, dict[str, dict[str, str]]]:
    """Page -> anchor -> language -> hash, for every page of the default language."""
    site = load_site(root / "mkdocs.yml")
    out: dict[str, dict[str, dict[str, str]]] = {}
    for first in site.pages():
        slug = site.slug(first)
        per_lang = {}
        for x in site.written:
            path = site.docs / x.page(slug)
            per_lang[x.code] = sections(path.read_text(encoding="utf-8")) if path.is_file() else {}
        anchors = dict.fromkeys(a for c in per_lang for a in per_lang[c])
        out[slug] = {a: {c: per_lang[c].get(a, "") for c in per_lang} for a in anchors}
    return out


def read_lock(root: Path) -> dict[str, dict[str, dict[str, str]]]:
    path = root / LOCK
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def write_lock(root: Path, lock: dict[str, dict[str, dict[str, str]]]) -> None:
    text = json.dumps(lock, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    writing.write_atomic(root / LOCK, text)


@dataclass(frozen=True)
class Drift:
    page: str
    anchor: str
    changed: tuple[str, ...]  # the languages whose section differs from the lock
    languages: tuple[str, ...] = ()  # the hand-written ones, the default first
    absent: tuple[str, ...] = ()  # the languages without this anchor (anchors differ)

    def __str__(self) -> str:
        where = f"docs/{self.page}.{{{','.join(self.languages)}}}.md#{self.anchor}"
        if self.absent:
            return (
                f"{where}: no such heading anchor in {', '.join(self.absent)}; give both "
                f"languages the same anchors (`python -m tools.check {self.page}` says "
                "where), then record the page"
            )
        if not self.changed:
            return (
                f"{where}: not in {LOCK} yet (new section); run `python -m tools.sync "
                f"update {self.page}#{self.anchor}` once both languages are written"
            )
        if len(self.changed) == 1:
            (lang,) = self.changed
            others = [x for x in self.languages if x != lang]
            return (
                f"{where}: changed in {lang} only; update {', '.join(others)} and run "
                f"`python -m tools.sync update {self.page}#{self.anchor}`, or mark it "
                f"knowingly behind: `python -m tools.sync behind {self.page}#{self.anchor}"
                f" {others[0]}`"
            )
        return (
            f"{where}: changed in {' and '.join(self.changed)} since {LOCK}; if they "
            f"say the same again, run `python -m tools.sync update "
            f"{self.page}#{self.anchor}`"
        )


def behind(root: Path) -> dict[tuple[str, str], str]:
    """(page, anchor) -> the language marked knowingly behind there."""
    path = root / LOCK
    return dict(_behind(path, path.stat().st_mtime if path.is_file() else 0.0))


@functools.lru_cache(maxsize=4)
def _behind(path: Path, mtime: float) -> dict[tuple[str, str], str]:
    return {
        (page, anchor): entry["behind"]
        for page, anchors in read_lock(path.parent).items()
        for anchor, entry in anchors.items()
        if entry.get("behind")
    }


def drifts(root: Path) -> list[Drift]:
    """Every section that is neither in step with the lock nor marked behind."""
    lock, out, langs = read_lock(root), [], tuple(languages(root))
    for page, anchors in page_sections(root).items():
        for anchor, now in anchors.items():
            entry = lock.get(page, {}).get(anchor)
            absent = tuple(lang for lang in langs if not now[lang])
            if absent:
                out.append(Drift(page, anchor, (), langs, absent))
                continue
            if entry is None:
                out.append(Drift(page, anchor, (), langs))
                continue
            changed = tuple(lang for lang in langs if now[lang] != entry.get(lang))
            if changed and not entry.get("behind"):
                out.append(Drift(page, anchor, changed, langs))
    return out


def record_command(found: list[Drift], page: str) -> str | None:
    """The one command that records ``page``'s new sections, when all its drifts (but
    anchors one language lacks, which ``tools.check`` names) are new sections; else None."""
    mine = [d for d in found if d.page == page and not d.absent]
    if mine and all(not d.changed for d in mine):
        return f"python -m tools.sync update {page}"
    return None


def _targets(arg: str, current: dict[str, dict[str, dict[str, str]]]) -> list[tuple[str, str]]:
    """The sections ``PAGE#ANCHOR`` or ``PAGE`` (all of its sections) names."""
    page, hashed, anchor = arg.removeprefix("docs/").removesuffix(".md").partition("#")
    if page in current and not hashed:
        return [(page, a) for a in current[page]]
    if page not in current or anchor not in current[page]:
        raise SystemExit(f"no section '{arg}' (expected PAGE#ANCHOR, e.g. autograd#graph, or PAGE)")
    return [(page, anchor)]


def status(root: Path) -> int:
    """Print every section out of step and every one marked behind; 1 if any is out of step."""
    found = drifts(root)
    for d in found:
        print(d)
    for page in dict.fromkeys(d.page for d in found):
        if command := record_command(found, page):
            print(f"docs/{page}: all its sections are new; record them at once: `{command}`")
    marked = behind(root)
    for (page, anchor), lang in sorted(marked.items()):
        print(f"docs/{page}.{lang}.md#{anchor}: marked behind (readers see a notice)")
    print(f"{len(found)} out of step, {len(marked)} marked behind")
    return 1 if found else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.sync",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "action", nargs="?", choices=["status", "update", "behind"], default="status"
    )
    parser.add_argument(
        "args", nargs="*", help="PAGE#ANCHOR or PAGE ... (behind: PAGE#ANCHOR, then LANG)"
    )
    args = parser.parse_args(argv)
    root = Path.cwd()
    if args.action == "status":
        return status(root)
    current, lock = page_sections(root), read_lock(root)
    if args.action == "update":
        targets = [t for a in args.args for t in _targets(a, current)] or [
            (p, a) for p, anchors in current.items() for a in anchors
        ]
        for page, anchor in targets:
            lock.setdefault(page, {})[anchor] = dict(current[page][anchor])
        # Sections that no longer exist leave the lock.
        lock = {
            p: {a: e for a, e in anchors.items() if a in current.get(p, {})}
            for p, anchors in lock.items()
            if p in current
        }
        write_lock(root, lock)
        print(f"recorded {len(targets)} section(s) as in step")
        return 0
    if len(args.args) != 2 or args.args[1] not in languages(root):
        parser.error(f"behind takes PAGE#ANCHOR and a language ({', '.join(languages(root))})")
    targets = _targets(args.args[0], current)
    if len(targets) != 1 or "#" not in args.args[0]:
        parser.error("behind takes one section: PAGE#ANCHOR")
    ((page, anchor),) = targets
    entry = lock.setdefault(page, {}).setdefault(anchor, dict(current[page][anchor]))
    entry["behind"] = args.args[1]
    write_lock(root, lock)
    print(f"docs/{page}.{args.args[1]}.md#{anchor}: marked behind")
    return 0


if __name__ == "__main__":
    sys.exit(main())
