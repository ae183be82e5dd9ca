"""The executable-docs pipeline, proved on planted inputs in throwaway projects.

Each test builds a small site with our hook, runner and pytest shim, and checks that good
input shows the real output and bad input fails with a message naming page and snippet.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from tests.project import DEFAULT, OTHER, SITE, Project, page


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path)


def outputs(built: Path) -> list[str]:
    """The stdout blocks shown on a built page, unescaped."""
    text = built.read_text(encoding="utf-8")
    blocks = re.findall(
        r'<div class="snippet-output".*?<pre><code tabindex="0"[^>]*>(.*?)</code></pre>',
        text,
        flags=re.S,
    )
    return [html.unescape(b) for b in blocks]


def test_output_on_page_is_byte_for_byte(project: Project) -> None:
    tricky = '\n  leading blank line, indent\ttab, <b>&amp;</b> "quotes"\n```\n张量 ✓  \n\n'
    project.write("snippets/p/tricky.py", f"import sys\nsys.stdout.write({tricky!r})\n")
    project.pages("p", "p/tricky.py")
    r = project.build()
    assert r.returncode == 0, r.stderr
    for built in ("site/p/index.html", f"site/{OTHER}/p/index.html"):
        assert outputs(project.path / built) == [tricky]
    assert project.executions() == {"snippets/p/tricky.py": 1}


def test_caption_title_and_figures(project: Project) -> None:
    project.write(
        "snippets/p/plot.py",
        (
            "import matplotlib.pyplot as plt\n"
            "fig, ax = plt.subplots()\n"
            "ax.plot([0, 1], [1, 0], label='loss')\nax.set_title('Training')\n"
            "ax.set_xlabel('epoch')\nax.set_ylabel('$L$')\nax.legend()\nplt.show()\n"
            "print('after show:', ax.title.get_color())\n"  # as drawn: the dark copy is a copy
            "plt.figure('A line the snippet describes itself')\nplt.plot([1, 2])\nplt.show()\n"
            "plt.plot([2, 1])\nplt.show()\n"  # no words at all
            "plt.figure()\nplt.plot([1, 2])\n"  # never shown: a reader would not see it
            "print('done')\n"
        ),
    )
    project.pages("p", "p/plot.py")
    r = project.build()
    assert r.returncode == 0, r.stderr
    zh = (project.path / "site/p/index.html").read_text(encoding="utf-8")
    en = (project.path / f"site/{OTHER}/p/index.html").read_text(encoding="utf-8")
    assert '<span class="filename">snippets/p/plot.py</span>' in en
    assert re.search(r"输出 · cpu · torch \S+ · \d+\.\d+ s", zh)
    assert re.search(r"Output · cpu · torch \S+ · \d+\.\d+ s", en)
    assert "after show: black" in en
    # Three figures shown, each as drawn and recoloured for the dark palette, in that order.
    assert (
        re.findall(r'<img class="([^"]+)"', en)
        == [
            "snippet-output__figure snippet-output__figure--light",
            "snippet-output__figure snippet-output__figure--dark",
        ]
        * 3
    )
    alts = re.findall(r'<img class="[^"]+" alt="([^"]*)"', en)
    assert (
        alts[::2]
        == alts[1::2]
        == [
            "Figure 1: Training; loss; x: epoch, y: L",
            "Figure 2: A line the snippet describes itself",
            "Figure 3",
        ]
    )
    assert re.findall(r'<img class="[^"]+" alt="([^"]*)"', zh)[::2] == [
        "图 1：Training；loss；横轴 epoch，纵轴 L",
        "图 2：A line the snippet describes itself",
        "图 3",
    ]


def test_cache_counts_executions(project: Project) -> None:
    project.write("snippets/p/a.py", "print('a')\n")
    project.write("snippets/p/b.py", "print('b')\n")
    project.pages("p", "p/a.py", "p/b.py")
    both = {"snippets/p/a.py": 1, "snippets/p/b.py": 1}

    r = project.codeblocks()
    assert r.returncode == 0, r.stdout
    assert "8 passed" in r.stdout  # two blocks on each of the two pages, 4 pages' rules
    assert project.executions() == both
    for _ in range(2):
        r = project.build()
        assert r.returncode == 0, r.stderr
        assert project.executions() == both  # the builds executed nothing

    project.write("snippets/p/b.py", "print('b, edited')\n")
    r = project.build()
    assert r.returncode == 0, r.stderr
    assert project.executions() == {"snippets/p/a.py": 1, "snippets/p/b.py": 2}
    assert outputs(project.path / f"site/{OTHER}/p/index.html") == ["a\n", "b, edited\n"]


def test_data_read_by_a_snippet_is_part_of_the_key(project: Project) -> None:
    project.write("data/numbers.txt", "1 2 3\n")
    project.write("snippets/p/read.py", "print(open('data/numbers.txt').read(), end='')\n")
    project.pages("p", "p/read.py")
    assert project.build().returncode == 0
    assert project.build().returncode == 0
    assert project.executions() == {"snippets/p/read.py": 1}
    project.write("data/numbers.txt", "4 5 6\n")
    assert project.build().returncode == 0
    assert project.executions() == {"snippets/p/read.py": 2}
    assert outputs(project.path / f"site/{OTHER}/p/index.html") == ["4 5 6\n"]


def test_require_cached_executes_nothing(project: Project) -> None:
    project.write("snippets/p/a.py", "print('a')\n")
    project.pages("p", "p/a.py")
    r = project.build(SNIPPETS_REQUIRE_CACHED="1")
    assert r.returncode == 1
    assert f"snippets/p/a.py (shown on page p.{DEFAULT}.md): no cached output" in r.stderr
    assert project.executions() == {}


def test_main_guard_body_really_runs(project: Project) -> None:
    project.write(
        "snippets/p/guarded.py", "if __name__ == '__main__':\n    print('ran as __main__')\n"
    )
    project.write(
        "snippets/p/guarded_fails.py", "if __name__ == '__main__':\n    raise SystemExit(3)\n"
    )
    project.pages("p", "p/guarded.py", "p/guarded_fails.py")
    r = project.codeblocks()
    assert r.returncode == 1
    assert "2 failed, 6 passed" in r.stdout  # and the 4 pages' rules tests
    assert f"snippets/p/guarded_fails.py (shown on page docs/p.{OTHER}.md:" in r.stdout
    assert "exited with status 3" in r.stdout
    project.write("snippets/p/guarded_fails.py", "print('fixed')\n")
    assert project.build().returncode == 0
    assert outputs(project.path / f"site/{OTHER}/p/index.html") == ["ran as __main__\n", "fixed\n"]


PERCENT = """\
import matplotlib.pyplot as plt
print("setup")
total = 1

# %%
# second cell: sees the first cell's names
total += 1
print(f"total = {total}")
plt.plot([0, 1])
plt.show()

# %%
import subprocess, sys
subprocess.run([sys.executable, "-c", "print('from a child process')"], check=True)
print("after the child")
"""


def test_percent_format_runs_cell_by_cell(project: Project) -> None:
    from tools.runner import Runner

    snippet = project.write("snippets/p/cells.py", PERCENT)
    result = Runner(project.path).result(snippet)
    assert [c.line for c in result.cells] == [1, 5, 12]
    assert [c.stdout for c in result.cells] == [
        "setup\n",
        "total = 2\n",
        "from a child process\nafter the child\n",
    ]
    assert [len(c.figures) for c in result.cells] == [0, 1, 0]
    assert result.stdout == "".join(c.stdout for c in result.cells)


def test_error_in_a_later_cell_names_its_real_line(project: Project) -> None:
    from tools.runner import Runner, SnippetError

    snippet = project.write(
        "snippets/p/bad.py", "x = 1\n\n# %%\ny = x\nraise ValueError('in cell 2')\n"
    )
    with pytest.raises(SnippetError) as err:
        Runner(project.path).result(snippet)
    assert 'bad.py", line 5' in str(err.value) and "ValueError: in cell 2" in str(err.value)


def test_examples_become_notebook_pages_without_running_again(tmp_path: Path) -> None:
    project = Project(tmp_path / "project", notebooks=True)
    project.write("snippets/examples/demo.py", PERCENT)
    project.write("snippets/examples/plain.py", "print('no cells: no notebook')\n")
    project.pages("demo", "examples/demo.py", "examples/plain.py")
    r = project.build()
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in (project.path / "docs/notebooks").iterdir()) == [
        f"demo.{OTHER}.ipynb",
        f"demo.{DEFAULT}.ipynb",
    ]
    for prefix, word in (
        (SITE.locale(DEFAULT).prefix, "笔记本"),
        (SITE.locale(OTHER).prefix, "notebook"),
    ):
        folder = project.path / "site" / prefix / "notebooks/demo"
        nb_page = (folder / "index.html").read_text(encoding="utf-8")
        assert "total = 2" in nb_page and "from a child process" in nb_page
        assert nb_page.count("data:image/png;base64,") == 1
        assert word in nb_page
        # JupyterLab's stylesheet (590 KB), cut to what the page uses (tools.css_purge)
        [css] = [c for c in re.findall(r"<style>(.*?)</style>", nb_page, re.S) if ".jupyter-" in c]
        assert ".jupyter-wrapper .jp-OutputArea" in css and len(css) < 60_000, len(css)
        assert ":root" not in css and "--jp-icon-" not in css
        assert (folder / "demo.py").read_bytes() == (
            project.path / "snippets/examples/demo.py"
        ).read_bytes()
        assert (folder / "demo.ipynb").is_file()
        example = (project.path / "site" / prefix / "demo/index.html").read_text("utf-8")
        assert 'href="../notebooks/demo/"' in example
        assert 'href="../notebooks/demo/demo.ipynb" download' in example
    assert project.executions() == {"snippets/examples/demo.py": 1, "snippets/examples/plain.py": 1}


def test_cached_search_entries_equal_fresh_ones(tmp_path: Path) -> None:
    project = Project(tmp_path, search=True)
    project.write("snippets/p/a.py", "print('张量的形状')\n")
    project.pages("p", "p/a.py")
    index = project.path / "site/search/search_index.json"
    assert project.build().returncode == 0
    cold = index.read_text(encoding="utf-8")
    assert project.build().returncode == 0  # every page's entries from .cache/search/
    assert index.read_text(encoding="utf-8") == cold
    project.write(f"docs/p.{OTHER}.md", page("p/a.py") + "\nA new word: zebra.\n")
    assert project.build().returncode == 0
    assert "zebra" in index.read_text(encoding="utf-8")


FRESH = """\
import atexit, multiprocessing, os, sys
atexit.register(lambda: print("atexit handlers ran"))
print(multiprocessing.get_start_method(), sys.flags.hash_randomization, os.path.isdir("data"),
      os.path.basename(sys.argv[0]), __name__, sys.stdout.encoding)
"""


@pytest.mark.parametrize("forkserver", ["1", "0"])
def test_a_snippet_runs_as_in_a_fresh_python(project: Project, forkserver: str) -> None:
    """Forked from the server that preloads torch, or started anew: the same world."""
    project.write("snippets/p/fresh.py", FRESH)
    r = project.runner("snippets/p/fresh.py", SNIPPETS_FORKSERVER=forkserver)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split("\n", 1)[1] == (
        "fork 0 True fresh.py __main__ utf-8\natexit handlers ran\n"
    )
