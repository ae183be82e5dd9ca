"""A stylesheet cut to what one page can use: ``purge(css, html)``.

mkdocs-jupyter puts all of JupyterLab's stylesheet (about 590 KB) into every notebook
page: rules for JupyterLab's whole interface, and a custom property for each of its icons
under a selector that can never match (``.jupyter-wrapper :root``). A notebook page uses a
few percent of it, and a phone parses all of it. ``purge`` keeps

- a rule if one of its selectors can match: each class and id it requires appears as a
  word in the page's HTML (its inline scripts included) or is one of Material's (``md-…``,
  some added by its script). What ``:not()``, ``:is()``, any other parentheses or an
  attribute selector holds requires nothing; ``:root`` after a selector's start never
  matches;
- a custom property of JupyterLab's (``--jp-…``) if the page names it or a kept
  declaration uses it (through other kept properties too); any other, which another
  stylesheet of the page may use;
- every at-rule, with the rules of ``@media`` and ``@supports`` cut the same way.

The stylesheet is parsed once per process (tinycss2, which mkdocs-jupyter's nbconvert
uses too); each page then costs a few milliseconds. ``tests/test_css_purge.py``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import tinycss2

_WORD = re.compile(r"-?[A-Za-z_][-\w]*")
_VAR = re.compile(r"--[-\w]+")
_BRACKETS = re.compile(r"\[[^\]]*\]")
_PARENS = re.compile(r"\([^()]*\)")
_NAMES = re.compile(r"[.#](-?[A-Za-z_][-\w]*)")
_OWN = "--jp-"  # the custom properties only this stylesheet uses
_NEVER = frozenset({"\0"})  # a selector that matches nothing: no page has this word


@dataclass(frozen=True)
class Rule:
    selector: str
    needs: tuple[frozenset[str], ...]  # per selector of the list: the words it requires
    declarations: tuple[tuple[str, str], ...]  # (name, "name:value"), in order


@dataclass(frozen=True)
class Group:
    prelude: str  # "@media (…)"
    rules: tuple[Rule | Group | str, ...]


def _needs(selector: str) -> frozenset[str]:
    text = _BRACKETS.sub("", selector).strip()
    while _PARENS.search(text):
        text = _PARENS.sub("", text)
    if ":root" in text[1:]:
        return _NEVER
    return frozenset(n for n in _NAMES.findall(text) if not n.startswith("md-"))


def _selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(prelude):
        depth += (ch in "([") - (ch in ")]")
        if ch == "," and depth == 0:
            out.append(prelude[start:i])
            start = i + 1
    return [*out, prelude[start:]]


def _rules(nodes: list[tinycss2.ast.Node]) -> tuple[Rule | Group | str, ...]:
    out: list[Rule | Group | str] = []
    for node in nodes:
        if node.type == "qualified-rule":
            selector = tinycss2.serialize(node.prelude).strip()
            declarations = []
            for d in tinycss2.parse_blocks_contents(
                node.content, skip_comments=True, skip_whitespace=True
            ):
                if d.type == "declaration":
                    important = "!important" if d.important else ""
                    value = tinycss2.serialize(d.value).strip()
                    declarations.append((d.name, f"{d.name}:{value}{important}"))
            needs = tuple(_needs(s) for s in _selectors(selector))
            out.append(Rule(selector, needs, tuple(declarations)))
        elif node.type == "at-rule" and node.lower_at_keyword in ("media", "supports"):
            inner = tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True)
            prelude = f"@{node.at_keyword}{tinycss2.serialize(node.prelude)}".strip()
            out.append(Group(prelude, _rules(inner)))
        elif node.type == "at-rule":
            out.append(node.serialize())
    return tuple(out)


@functools.lru_cache(maxsize=4)
def parse(css: str) -> tuple[Rule | Group | str, ...]:
    return _rules(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))


def _kept(rules: tuple[Rule | Group | str, ...], words: set[str]) -> list[Rule]:
    out: list[Rule] = []
    for rule in rules:
        if isinstance(rule, Group):
            out += _kept(rule.rules, words)
        elif isinstance(rule, Rule) and any(need <= words for need in rule.needs):
            out.append(rule)
    return out


def _used_properties(kept: list[Rule], html: str) -> set[str]:
    used = set(_VAR.findall(html))
    defined: dict[str, list[str]] = {}
    for rule in kept:
        for name, text in rule.declarations:
            if name.startswith("--"):
                defined.setdefault(name, []).append(text)
            else:
                used.update(_VAR.findall(text))
    todo = list(used)
    while todo:
        for text in defined.get(todo.pop(), ()):
            new = set(_VAR.findall(text.partition(":")[2])) - used
            used |= new
            todo += new
    return used


def _write(rules: tuple[Rule | Group | str, ...], keep: set[int], used: set[str]) -> str:
    out = []
    for rule in rules:
        if isinstance(rule, Group):
            inner = _write(rule.rules, keep, used)
            out.append(f"{rule.prelude}{{{inner}}}" if inner else "")
        elif isinstance(rule, str):
            out.append(rule)
        elif id(rule) in keep:
            body = ";".join(t for n, t in rule.declarations if not n.startswith(_OWN) or n in used)
            out.append(f"{rule.selector}{{{body}}}" if body else "")
    return "".join(out)


def purge(css: str, html: str) -> str:
    """``css`` without what cannot apply to the page ``html`` (see the module's docstring)."""
    rules = parse(css)
    kept = _kept(rules, set(_WORD.findall(html)))
    return _write(rules, {id(r) for r in kept}, _used_properties(kept, html))
