"""Odd but legal input shown right, and bad configuration reported where it is.

Snippet names with ``&``, ``'`` and Chinese, a figure with Chinese text, a snippet that
raises, a malformed ``locales/<code>.yml`` and an OpenCC configuration that does not
exist, each in a throwaway project (``tests/project.py``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.project import SITE, Project, page

GENERATED = next((x for x in SITE.locales if x.generated), None)
needs_generated = pytest.mark.skipif(GENERATED is None, reason="the site has no generated locale")
NAMES = ("p/a&b.py", "p/it's.py", "p/张量 示例.py")


@needs_generated
def test_block_titles_are_the_paths_as_written_in_every_language(tmp_path: Path) -> None:
    project = Project(tmp_path, generated=True)
    for name in NAMES:
        project.write(f"snippets/{name}", f"print({name!r})\n")
    project.pages("p", *NAMES)
    r = project.build()
    assert r.returncode == 0, r.stderr
    expected = [
        '<span class="filename">snippets/p/a&amp;b.py</span>',
        '<span class="filename">snippets/p/it&#x27;s.py</span>',
        '<span class="filename">snippets/p/张量 示例.py</span>',
    ]
    for x in SITE.locales:
        built = project.html("p", x.code).read_text(encoding="utf-8")
        assert re.findall(r'<span class="filename">[^<]*</span>', built) == expected, x.code


def test_a_figure_carries_chinese_text_and_a_glyph_warning_names_no_build_path(
    tmp_path: Path,
) -> None:
    project = Project(tmp_path)
    project.write(
        "snippets/p/plot.py",
        "import matplotlib.pyplot as plt\n\nplt.plot([1, 2])\nplt.title('损失 \\u0b95')\n"
        "plt.show()\n",
    )
    r = project.runner("snippets/p/plot.py")
    assert r.returncode == 0, r.stderr
    warnings = [line for line in r.stdout.splitlines() if "missing from font" in line]
    assert len(warnings) == 1 and warnings[0].startswith(
        "plot.py:5: UserWarning: Glyph 2965 (\\N{TAMIL LETTER KA}) missing from font(s) "
    ), r.stdout  # the Chinese glyphs are there: only the Tamil letter is missing
    assert "DejaVu Sans" in warnings[0] and "Noto Sans CJK SC" in warnings[0]
    assert str(tmp_path) not in r.stdout.split("-- figure")[0]


def test_a_snippet_that_raises_shows_its_own_frames_first(tmp_path: Path) -> None:
    project = Project(tmp_path)
    project.write("snippets/p/boom.py", "def f():\n    raise ValueError('boom')\n\n\nf()\n")
    r = project.runner("snippets/p/boom.py")
    assert r.returncode != 0
    frames = re.findall(r'^  File "([^"]+)", line (\d+)', r.stdout + r.stderr, re.M)
    assert [(Path(f).name, n) for f, n in frames] == [("boom.py", "5"), ("boom.py", "2")]


@needs_generated
def test_a_malformed_locale_file_is_reported_in_it_before_anything_runs(tmp_path: Path) -> None:
    assert GENERATED is not None
    project = Project(tmp_path, generated=True)
    project.write("snippets/p/a.py", "print(1)\n")
    project.pages("p", "p/a.py")
    project.write(f"locales/{GENERATED.code}.yml", "phrases:\n  a: b\n  bad: [unclosed\n")
    r = project.build()
    assert r.returncode == 1
    assert (
        f"locales/{GENERATED.code}.yml:4: not a YAML table of tables (while parsing a flow "
        "sequence at line 3: expected ',' or ']', but got '<stream end>')"
    ) in r.stderr, r.stderr
    assert "configuration file" not in r.stderr and not project.executions()


@needs_generated
def test_an_unknown_opencc_configuration_is_one_line_before_anything_runs(
    tmp_path: Path,
) -> None:
    assert GENERATED is not None
    project = Project(tmp_path, generated=True)
    project.write("snippets/p/a.py", "print(1)\n")
    project.pages("p", "p/a.py")
    config = project.path / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace(f'"{GENERATED.opencc}"', '"s2nowhere"'), encoding="utf-8")
    r = project.build()
    assert r.returncode == 1
    line = (
        f"mkdocs.yml: locale '{GENERATED.code}' (extra: opencc): OpenCC has no configuration "
        "'s2nowhere' (it has: "
    )
    assert line in r.stderr and "Traceback" not in r.stderr, r.stderr
    assert not project.executions()


def test_twins_anchors_that_differ_are_reported_with_their_lines(tmp_path: Path) -> None:
    project = Project(tmp_path)
    default, other = SITE.written[0].code, SITE.written[1].code
    project.write(f"docs/p.{default}.md", page(lang=default) + "\n## 一 { #one }\n")
    project.write(f"docs/p.{other}.md", page(lang=other) + "\n\n\n## One { #first }\n")
    r = project.build()
    assert r.returncode == 1
    assert f"docs/p.{default}.md:3: heading anchor '#one' is not in docs/p.{other}.md" in r.stderr
    assert f"docs/p.{other}.md:5: heading anchor '#first' is not in docs/p.{default}.md" in (
        r.stderr
    )
