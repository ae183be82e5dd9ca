"""The site's model, read from ``mkdocs.yml``: the one place that knows its paths and
languages.

Everything else (the hooks, the runner, ``conftest.py``, the other tools and the tests)
asks this module for the project's root (``ROOT``, defined here only) and every folder
under it (``Paths``: cache, snippet cache, recordings, data, diagrams, locales; ``Site``
adds the docs, the snippet folder as pymdownx.snippets resolves ``base_path``, and the
generated notebooks), and for its locales: code, URL prefix, name, whether written by hand or
generated (``tools.generate``), and the words the build adds to pages (labels). No other
file of ``tools/`` or ``tests/`` writes a language code or a URL prefix
(``tests/test_site.py`` greps for them). ``Paths`` needs no MkDocs (the runner uses it
where only the snippets' requirements are installed).

The locales are mkdocs-static-i18n's ``languages`` in mkdocs.yml, in their order. A
locale is generated when its ``extra`` says so::

    - locale: zh-Hant
      name: 繁體中文
      extra: {generated_from: zh, opencc: s2twp}

Labels live in ``locales/<code>.yml``, one table per locale. A generated locale takes its
source's table converted (``tools.generate``), overridden by its own file if there is one.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tools import convert

ROOT = Path(__file__).resolve().parent.parent  # the project's root: defined here only
LOCALES_DIR = "locales"  # labels and phrase tables, one file per locale


@dataclass(frozen=True)
class Locale:
    code: str  # as in file names (x.<code>.md) and <html lang>
    name: str  # as the language switch shows it
    prefix: str  # where its pages live under the site root: "" or "<link>/"
    default: bool
    source: str | None = None  # generated from this locale's pages, or None: hand-written
    opencc: str | None = None  # the OpenCC configuration that converts them

    @property
    def generated(self) -> bool:
        return self.source is not None

    def page(self, slug: str) -> str:
        """The file (under docs/) of page ``slug`` in this locale."""
        return f"{slug}.{self.code}.md"

    def url(self, slug: str) -> str:
        """The page's path under the site root (directory URLs)."""
        path = "" if slug == "index" else slug.removesuffix("/index") + "/"
        return self.prefix + path


@dataclass(frozen=True)
class Paths:
    """The project's folders, from its root alone (no mkdocs.yml needed)."""

    root: Path

    @property
    def cache(self) -> Path:
        return self.root / ".cache"

    @property
    def snippet_cache(self) -> Path:
        return self.cache / "snippets"

    @property
    def recordings(self) -> Path:
        return self.root / "recordings"

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def diagrams(self) -> Path:
        return self.root / "diagrams"

    @property
    def locales_dir(self) -> Path:
        return self.root / LOCALES_DIR


@dataclass(frozen=True)
class Site(Paths):
    docs: Path
    snippets: Path
    locales: tuple[Locale, ...]

    @property
    def notebooks(self) -> Path:
        """Where the build writes the example notebooks (generated, git-ignored)."""
        return self.docs / "notebooks"

    @property
    def default(self) -> Locale:
        return next(x for x in self.locales if x.default)

    @property
    def written(self) -> tuple[Locale, ...]:
        """The hand-written locales, the default first."""
        return tuple(
            sorted((x for x in self.locales if not x.generated), key=lambda x: not x.default)
        )

    @property
    def generated(self) -> tuple[Locale, ...]:
        return tuple(x for x in self.locales if x.generated)

    def locale(self, code: str) -> Locale:
        if found := next((x for x in self.locales if x.code == code), None):
            return found
        raise KeyError(f"no locale '{code}' in mkdocs.yml (have: {self.codes()})")

    def codes(self) -> str:
        return ", ".join(x.code for x in self.locales)

    def locale_of(self, name: str) -> Locale | None:
        """The locale of a page or notebook file name (``x.<code>.md``), or None."""
        parts = Path(name).name.split(".")
        return next((x for x in self.locales if len(parts) > 2 and parts[-2] == x.code), None)

    def slug(self, page: Path) -> str:
        """``docs/examples/lenet.en.md`` -> ``examples/lenet``."""
        rel = page.resolve().relative_to(self.docs.resolve()).as_posix()
        return rel.rsplit(".", 2)[0]

    def pages(self, locale: Locale | None = None) -> list[Path]:
        """Every page of ``locale`` (the default one if None) under docs/."""
        code = (locale or self.default).code
        return sorted(p for p in self.docs.rglob(f"*.{code}.md"))

    def labels(self, code: str) -> dict[str, Any]:
        """The words the build adds to a page of locale ``code``."""
        return _labels_cached(self, code)


def _locale_file(site: Site, code: str, key: str) -> dict[str, Any]:
    """The ``key`` table of ``locales/<code>.yml`` (``labels``, ``phrases``), or {}.
    Raises ``ValueError`` naming the file (and line) if it is not YAML or not a table."""
    path = site.locales_dir / f"{code}.yml"
    if not path.is_file():
        return {}
    rel = f"{LOCALES_DIR}/{code}.yml"
    try:
        table = _yaml(path, path.stat().st_mtime).get(key) or {}
    except Exception as exc:  # MkDocs' loader wraps PyYAML's error; a list: no table
        cause = exc.__cause__ or exc.__context__ or exc
        mark = getattr(cause, "problem_mark", None)
        where = f"{rel}:{mark.line + 1}" if mark else rel
        why = " ".join(str(getattr(cause, "problem", None) or cause).split())
        context, at = getattr(cause, "context", None), getattr(cause, "context_mark", None)
        why = f"{context} at line {at.line + 1}: {why}" if context and at else why
        raise ValueError(f"{where}: not a YAML table of tables ({why})") from None
    if not isinstance(table, dict):
        raise ValueError(f"{rel}: '{key}' is not a table (write '{key}:' then 'key: value' lines)")
    return dict(table)


def locale_problems(site: Site) -> list[str]:
    """What is wrong with the locales' files (``locales/<code>.yml``, each with its line)
    and the generated locales' OpenCC configurations: found before anything runs."""
    problems = []
    for locale in site.locales:
        for key in ("labels", "phrases"):
            try:
                _locale_file(site, locale.code, key)
            except ValueError as exc:
                problems.append(str(exc))
                break
        problem = convert.config_problem(locale.opencc) if locale.opencc else None
        if problem:
            problems.append(f"mkdocs.yml: locale '{locale.code}' (extra: opencc): {problem}")
    return problems


@functools.lru_cache(maxsize=32)
def _yaml(path: Path, mtime: float) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    try:
        from mkdocs.utils.yaml import yaml_load  # MkDocs' loader (!ENV, !relative tags)
    except ImportError:  # a GPU machine for tools.record: torch, no MkDocs
        import yaml

        loader: Any = type("TagsAsNone", (yaml.SafeLoader,), {})  # Python objects, !ENV: None
        loader.add_multi_constructor("", lambda loader, suffix, node: None)
        return dict(yaml.load(text, Loader=loader) or {})
    return dict(yaml_load(text) or {})


@functools.cache
def _labels_cached(site: Site, code: str) -> dict[str, Any]:
    locale = site.locale(code)
    own = _locale_file(site, code, "labels")
    if not locale.generated:
        if not own:
            raise FileNotFoundError(
                f"{LOCALES_DIR}/{code}.yml has no labels: copy {LOCALES_DIR}/"
                f"{site.default.code}.yml and translate it (see CONTRIBUTING.md)"
            )
        return own
    converted = convert.data(
        locale_converter(site, locale), _labels_cached(site, locale.source or "")
    )
    return {**converted, **own}


def phrases(site: Site, code: str) -> dict[str, str]:
    """A generated locale's phrase table (``locales/<code>.yml``, ``phrases:``)."""
    return {str(k): str(v) for k, v in _locale_file(site, code, "phrases").items()}


def locale_converter(site: Site, locale: Locale) -> Callable[[str], str]:
    """The conversion of a generated ``locale``: its OpenCC config and phrase table."""
    assert locale.opencc, f"{locale.code} is not generated"
    return convert.converter(locale.opencc, tuple(sorted(phrases(site, locale.code).items())))


def _locales(raw: dict[str, Any]) -> tuple[Locale, ...]:
    i18n = next(
        (p["i18n"] for p in raw.get("plugins", []) if isinstance(p, dict) and "i18n" in p), None
    )
    if not i18n:
        raise ValueError("mkdocs.yml: the i18n plugin (mkdocs-static-i18n) lists no languages")
    out = []
    for lang in i18n["languages"]:
        if lang.get("build") is False:
            continue
        code = str(lang["locale"])
        link = str(lang.get("link") or ("/" if lang.get("default") else f"/{code}/"))
        extra = lang.get("extra") or {}
        out.append(
            Locale(
                code=code,
                name=str(lang.get("name", code)),
                prefix=link.strip("/") + "/" if link.strip("/") else "",
                default=bool(lang.get("default")),
                source=extra.get("generated_from"),
                opencc=extra.get("opencc"),
            )
        )
    codes = [x.code for x in out]
    for x in out:
        if x.source is not None and (x.source not in codes or not x.opencc):
            why = (", which is not a language of the site", " but names no 'opencc' configuration")
            raise ValueError(
                f"mkdocs.yml: locale '{x.code}' is generated from '{x.source}'"
                + why[x.source in codes]
            )
    return tuple(out)


@functools.lru_cache(maxsize=8)
def _load(config_file: Path, mtime: float) -> Site:
    raw = _yaml(config_file, mtime)
    root = config_file.parent
    docs = root / str(raw.get("docs_dir", "docs"))
    base: Any = ["."]
    for ext in raw.get("markdown_extensions", []):
        if isinstance(ext, dict) and "pymdownx.snippets" in ext:
            base = (ext["pymdownx.snippets"] or {}).get("base_path", ["."])
    first = base[0] if isinstance(base, list) else base
    return Site(root=root, docs=docs, snippets=(root / first).resolve(), locales=_locales(raw))


def load(config_file: Path | str | None = None) -> Site:
    """The model of the site configured by ``config_file`` (default: this repository's
    mkdocs.yml), read again only when that file changes."""
    path = Path(config_file or ROOT / "mkdocs.yml").resolve()
    return _load(path, path.stat().st_mtime)
