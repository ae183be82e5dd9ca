"""``python -m tools.check PAGE`` is the complete check of one page, in the build's words.

Each mistake an author makes is planted in a throwaway project (``tests/project.py``), one
page per mistake; ``tools.check`` must name each, and every rule message it prints must be
the build's (``mkdocs build``) word for word. ``pytest`` on one page reports the same as a
failed ``rules`` test, never an INTERNALERROR.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from tests.project import DEFAULT, OTHER, SITE, Project

NAV = "nav:\n  - Home: index.md\n  - 张量: nav.md\n" + "".join(
    f"  - {slug.title()}: {slug}.md\n"
    for slug in ("twin", "anchors", "typed", "outside", "orphan", "newsec", "figure", "random")
)
PLOT = "import matplotlib.pyplot as plt\n\nplt.plot([1, 2])\nplt.show()\n"
RANDOM = (
    "import random\n\nimport matplotlib.pyplot as plt\n\nprint('drawing noise')\n"
    "plt.plot([random.random() for _ in range(5)])\nplt.title('noise')\nplt.show()\n"
)


def two(slug: str, body: dict[str, str]) -> dict[str, str]:
    return {f"docs/{slug}.{code}.md": text for code, text in body.items()}


def plant(tmp_path: Path) -> Project:
    project = Project(tmp_path / "project")
    config = project.path / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + NAV, encoding="utf-8")
    for slug, name in (("nav", "ok"), ("orphan", "a"), ("newsec", "a"), ("typed", "a")):
        project.write(f"snippets/{slug}/{name}.py", f"print('{slug}')\n")
    project.write("snippets/orphan/extra.py", "print('nobody shows me')\n")
    project.write("snippets/figure/bare.py", PLOT)
    project.write("snippets/random/noise.py", RANDOM)
    for slug, inc in (("nav", "nav/ok.py"), ("orphan", "orphan/a.py"), ("newsec", "newsec/a.py")):
        project.pages(slug, inc)
    project.pages("figure", "figure/bare.py")
    project.pages("random", "random/noise.py")
    project.pages("outside", "../outside.py")
    project.write("outside.py", "print('outside')\n")
    project.pages("typed", "typed/a.py")
    project.write(f"docs/typed.{DEFAULT}.md", "# 页面 { #page }\n\n```python\nprint(1)\n```\n")
    project.write(f"docs/twin.{DEFAULT}.md", "# 孪生 { #page }\n")
    files = two(
        "anchors",
        {
            DEFAULT: "# 页面 { #page }\n\n## 对比 { #vs-matmul }\n",
            OTHER: "# Page { #page }\n\n## Versus { #vs_matmul }\n",
        },
    )
    for rel, text in files.items():
        project.write(rel, text)
    assert project.run(sys.executable, "-m", "tools.sync", "update").returncode == 0
    for x in SITE.written:  # a section written after the page was recorded
        page = project.path / "docs" / x.page("newsec")
        page.write_text(page.read_text("utf-8") + "\n## Two { #two }\n\nMore.\n", "utf-8")
    return project


EXPECTED = {
    "twin": [f"docs/twin.{DEFAULT}.md: its translation docs/twin.{OTHER}.md is missing"],
    "anchors": [
        f"docs/anchors.{DEFAULT}.md:3: heading anchor '#vs-matmul' is not in "
        f"docs/anchors.{OTHER}.md (its heading 2 at line 3 has '#vs_matmul')",
        f"docs/anchors.{OTHER}.md:3: heading anchor '#vs_matmul' is not in "
        f"docs/anchors.{DEFAULT}.md (its heading 2 at line 3 has '#vs-matmul')",
    ],
    "nav": [f"mkdocs.yml nav title '张量' has no '{OTHER}' translation"],
    "typed": [f"docs/typed.{DEFAULT}.md:3: python block typed into the page"],
    "outside": [f"docs/outside.{DEFAULT}.md:3: include '../outside.py' leaves snippets/ ('..')"],
    "orphan": ["snippets/orphan/extra.py: orphan snippet, no page includes it"],
}
SYNC = [
    "docs/newsec: 1 new section(s) not in sync.lock.json yet (#two); once both languages say "
    "the same, record them: `python -m tools.sync update newsec`"
]


def test_check_names_every_mistake_in_the_builds_words(tmp_path: Path) -> None:
    project = plant(tmp_path)
    build = project.build()
    assert build.returncode != 0
    for slug, messages in EXPECTED.items():
        r = project.run(sys.executable, "-m", "tools.check", slug)
        assert r.returncode == 1, (slug, r.stdout, r.stderr)
        for message in messages:
            assert message in r.stdout, (slug, message, r.stdout)
        for line in r.stdout.splitlines():  # every rule problem is the build's own line
            if line.startswith("  ") and "tools.sync" not in line:
                assert line.strip() in build.stderr, (line, build.stderr)

    r = project.run(sys.executable, "-m", "tools.check", "newsec")
    assert r.returncode == 1
    for message in SYNC:
        assert message in r.stdout, r.stdout
    sync = project.run(sys.executable, "-m", "tools.sync")
    assert "`python -m tools.sync update newsec`" in sync.stdout
    # Anchors that differ are not a section to record: sync points to tools.check.
    assert (
        f"docs/anchors.{{{DEFAULT},{OTHER}}}.md#vs-matmul: no such heading anchor in {OTHER}; "
        "give both languages the same anchors (`python -m tools.check anchors` says where)"
    ) in sync.stdout, sync.stdout
    assert project.run(sys.executable, "-m", "tools.sync", "update", "newsec").returncode == 0
    after = project.run(sys.executable, "-m", "tools.check", "newsec").stdout
    assert "1 problem(s)" in after and "sync.lock.json" not in after  # the nav title is left


def test_check_names_a_figure_without_words_and_one_that_varies(tmp_path: Path) -> None:
    project = plant(tmp_path)
    r = project.run(sys.executable, "-m", "tools.check", "figure")
    assert r.returncode == 1, r.stdout + r.stderr
    for code in (DEFAULT, OTHER):
        alt = SITE.labels(code)["figure"] + " 1"
        assert (
            f"FIGURE snippets/figure/bare.py, figure 1 ({code}) (shown on page "
            f"docs/figure.{DEFAULT}.md:3): figure alt text '{alt}' is only a number; give "
            "the figure a title, axis labels or plt.figure('alt text')"
        ) in r.stdout, r.stdout
    once = project.run(sys.executable, "-m", "tools.check", "random")
    assert "FIGURE" not in once.stdout and "DIFFERS" not in once.stdout, once.stdout
    twice = project.run(sys.executable, "-m", "tools.check", "random", "--twice")
    assert (
        "DIFFERS snippets/random/noise.py: a second run printed something else, figure 1: "
        "other pixels; seed it"
    ) in twice.stdout, twice.stdout + twice.stderr


def test_pytest_on_one_page_fails_with_the_builds_message(tmp_path: Path) -> None:
    """The English twin missing, or the anchors differing: a failed ``rules`` test in the
    build's words, no INTERNALERROR, no "file not found"."""
    project = plant(tmp_path)
    for slug in ("twin", "anchors"):
        r = project.run(
            "pytest",
            "-n0",
            "-p",
            "no:cacheprovider",
            "--codeblocks",
            f"docs/{slug}.{DEFAULT}.md",
            f"docs/{slug}.{OTHER}.md",
        )
        out = r.stdout + r.stderr
        assert "INTERNALERROR" not in out and "file or directory not found" not in out, out
        assert r.returncode == 1, out
        assert re.search(rf"FAILED docs/{slug}\.{DEFAULT}\.md::rules", out), out
        for message in EXPECTED[slug]:
            assert message in out, out
