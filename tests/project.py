"""A throwaway MkDocs project wired like ours (same hook, runner and pytest shim).

Commands run as users type them: the ``mkdocs`` and ``pytest`` console scripts, and
``python -m tools.runner``. Snippets start as new ``python`` processes
(``SNIPPETS_FORKSERVER=0``): the planted ones import nothing heavy, so a fork server that
imports torch would cost more than it saves; tests of the fork server turn it back on.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

from tools.site import ROOT
from tools.site import load as load_site

SITE = load_site(ROOT / "mkdocs.yml")  # the real site's locales: a throwaway site has them too
DEFAULT, OTHER = (x.code for x in SITE.written[:2])  # the default and the other written one

# The hook files the real site lists (mkdocs.yml), in its order: a throwaway site runs them all.
HOOKS = re.findall(
    r"^  - (tools/\S+\.py)",
    (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nhooks:\n", 1)[1].split("\n\n", 1)[0],
    flags=re.M,
)
# What the real site's `mkdocs serve` watches besides its own watcher (tools/serve.py).
WATCH = re.search(r"^watch: .*$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
NOTEBOOKS = (
    "  - mkdocs-jupyter: {include: ['notebooks/*.ipynb'], execute: false,"
    " ignore: ['*.md', '*.py']}\n"
)


CONFIG = """\
site_name: Test
strict: true
theme: {name: material, language: {default}}
plugins:
  - search
  - i18n:
      docs_structure: suffix
      fallback_to_default: false
      languages:
{languages}
hooks: [{hooks}]
{watch}
markdown_extensions:
  - attr_list
  - pymdownx.superfences
  - pymdownx.tabbed: {alternate_style: true}
  - pymdownx.snippets: {base_path: [snippets], check_paths: true}
""".replace("{hooks}", ", ".join(HOOKS)).replace("{watch}", WATCH.group(0) if WATCH else "")


def languages(generated: bool) -> str:
    """The real site's locales as i18n entries; the generated ones only if asked."""
    out = []
    for x in SITE.locales:
        if x.generated and not generated:
            continue
        entry: dict[str, object] = {"locale": x.code, "name": x.name, "build": True}
        if x.default:
            entry["default"] = True
        if x.generated:
            entry["extra"] = {"generated_from": x.source, "opencc": x.opencc}
        out.append("        - " + json.dumps(entry, ensure_ascii=False))
    return "\n".join(out)


def page(*includes: str, lang: str = OTHER) -> str:
    """A page with a heading and one python fence per include."""
    title = "页面 { #page }" if lang == DEFAULT else "Page { #page }"
    blocks = "".join(f'\n```python\n--8<-- "{inc}"\n```\n' for inc in includes)
    return f"# {title}\n{blocks}"


class Project:
    def __init__(
        self,
        path: Path,
        search: bool = False,
        notebooks: bool = False,
        hooks: list[str] = HOOKS,
        generated: bool = False,
    ) -> None:
        """``search``: with Material's search plugin (it loads jieba: 1-2 s a build);
        ``notebooks``: with mkdocs-jupyter, as the real site; ``hooks``: the hook files;
        ``generated``: with the generated locales too (OpenCC, ``tools.generate``)."""
        self.path = path
        path.mkdir(parents=True, exist_ok=True)
        config = CONFIG.replace(f"hooks: [{', '.join(HOOKS)}]", f"hooks: [{', '.join(hooks)}]")
        config = config.replace("{languages}", languages(generated)).replace("{default}", DEFAULT)
        config = config if search else config.replace("  - search\n", "")
        config = config.replace("  - i18n:", NOTEBOOKS + "  - i18n:") if notebooks else config
        (path / "mkdocs.yml").write_text(config, encoding="utf-8")
        shutil.copytree(
            ROOT / "tools", path / "tools", ignore=shutil.ignore_patterns("__pycache__")
        )
        shutil.copytree(ROOT / "locales", path / "locales")
        shutil.copy(ROOT / "conftest.py", path)
        (path / "pytest.ini").write_text("[pytest]\ntestpaths = docs\n", encoding="utf-8")
        self.write(f"docs/index.{DEFAULT}.md", "# 首页 { #home }\n")
        for x in SITE.written[1:]:
            self.write(f"docs/index.{x.code}.md", "# Home { #home }\n")
        self.env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SNIPPETS_FORKSERVER="0")
        for name in (
            "SNIPPETS_CACHE_DIR",
            "SNIPPETS_REQUIRE_CACHED",
            "SNIPPETS_TIMEOUT",
            "SNIPPETS_SESSION",
            "SNIPPETS_FRESH",
            "SNIPPETS_FRESH_SINCE",
            "PYTEST_XDIST_WORKER",
            "PYTEST_ADDOPTS",
        ):
            self.env.pop(name, None)

    def write(self, rel: str, text: str) -> Path:
        target = self.path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        return target

    def pages(self, name: str, *includes: str) -> None:
        """The page in every written language, including the same snippets."""
        for x in SITE.written:
            self.write(f"docs/{x.page(name)}", page(*includes, lang=x.code))

    def html(self, slug: str, lang: str = OTHER) -> Path:
        """The built page ``slug`` of locale ``lang``."""
        return self.path / "site" / SITE.locale(lang).url(slug) / "index.html"

    def run(self, *cmd: str, **env: str) -> subprocess.CompletedProcess[str]:
        """``cmd`` in the project; a console script (``mkdocs``) is found on PATH."""
        exe = shutil.which(cmd[0]) if cmd[0] in ("mkdocs", "pytest") else cmd[0]
        assert exe, f"console script {cmd[0]} not on PATH"
        return subprocess.run(
            [exe, *cmd[1:]],
            cwd=self.path,
            env=dict(self.env, **env),
            capture_output=True,
            text=True,
            timeout=300,
        )

    def build(self, **env: str) -> subprocess.CompletedProcess[str]:
        return self.run("mkdocs", "build", "--strict", **env)

    def codeblocks(self, **env: str) -> subprocess.CompletedProcess[str]:
        return self.run("pytest", "--codeblocks", "docs/", "-p", "no:cacheprovider", **env)

    def runner(self, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
        return self.run(sys.executable, "-m", "tools.runner", *args, **env)

    def cache_entries(self) -> list[Path]:
        folder = self.path / ".cache" / "snippets"
        return [p for p in folder.iterdir() if p.is_dir() and re.fullmatch(r"[0-9a-f]{24}", p.name)]

    def executions(self) -> Counter[str]:
        log = self.path / ".cache" / "snippets" / "executions.log"
        lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
        return Counter(line.split("\t")[0] for line in lines)
