"""The build's markers cannot be forged, and output is shown as a terminal shows it.

The paragraphs the build puts under a block and replaces with its output carry a random
token per build (``render.marker``): a prose line or a snippet's output that looks like a
marker, or like a placeholder, is text. What a snippet prints is rendered as a terminal
would show it (``tools.terminal``): the last of its ``\\r`` frames, ANSI colours as classes.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from tests.project import SITE, Project, page
from tools import render
from tools.build import Build
from tools.terminal import resolve_frames, terminal_html

FORGER = (
    "import sys\n\n"
    "print('snippet-output--pending')\n"
    "print('SNIPPET-OUTPUT-0-END')\n"
    "print('<p>SNIPPET-OUTPUT-1-END</p>')\n"
    "print('\\x1b[31mred\\x1b[0m plain \\x1b[1;32mbold green\\x1b[0m')\n"
    "for i in range(3):\n"
    "    print(f'\\rstep {i}/2', end='')\n"
    "print()\n"
    "sys.stderr.write('10%|#   |\\r100%|####|\\n')\n"
)
PROSE = "\nSNIPPET-OUTPUT-0-END\n\nSNIPPET-OUTPUT-1-END\n"


def test_text_that_looks_like_a_marker_is_text(tmp_path: Path) -> None:
    project = Project(tmp_path)
    project.write("snippets/p/forger.py", FORGER)
    project.write("snippets/p/second.py", "print('second')\n")
    for x in SITE.written:
        project.write(
            f"docs/{x.page('p')}", page("p/forger.py", "p/second.py", lang=x.code) + PROSE
        )
    r = project.build()
    assert r.returncode == 0, r.stderr
    built = project.html("p").read_text(encoding="utf-8")
    assert built.count('<div class="snippet-output"') == 2  # the two blocks', no more
    assert "<p>SNIPPET-OUTPUT-0-END</p>\n<p>SNIPPET-OUTPUT-1-END</p>" in built  # prose
    out = re.findall(
        r'<div class="snippet-output".*?<code tabindex="0"[^>]*>(.*?)</code>', built, re.S
    )
    assert out[0] == (
        "snippet-output--pending\nSNIPPET-OUTPUT-0-END\n&lt;p&gt;SNIPPET-OUTPUT-1-END&lt;/p&gt;\n"
        '<span class="ansi-red">red</span> plain '
        '<span class="ansi-bold ansi-green">bold green</span>\nstep 2/2\n'
    )
    assert out[1] == "second\n"
    stderr = re.search(r'__stderr"><code tabindex="0"[^>]*>(.*?)</code>', built, re.S)
    assert stderr and stderr.group(1) == "100%|####|\n"
    assert "\x1b" not in built and "\r" not in built


def test_each_build_has_its_own_token_and_markers_are_replaced_once() -> None:
    a, b = Build(), Build()
    assert a.token != b.token and len(a.token) >= 16
    m0, m1 = render.marker(a.token, 0), render.marker(a.token, 1)
    content = f"<p>SNIPPET-OUTPUT-0-END</p><p>{m0}</p><p>{m1}</p>"
    blocks = [f"<div>{html.escape(m1)}<p>{m1}</p></div>", "<div>1</div>"]
    filled = render.put_outputs(content, a.token, blocks)
    assert filled == f"<p>SNIPPET-OUTPUT-0-END</p>{blocks[0]}<div>1</div>"
    assert render.put_outputs(content, b.token, blocks) is None  # another build's markers
    assert render.put_outputs(content + f"<p>{m1}</p>", a.token, blocks) is None  # twice


def test_terminal_frames_and_colours() -> None:
    assert terminal_html("a < b & c\n") == "a &lt; b &amp; c\n"  # plain: as html.escape
    assert resolve_frames("x\r\ny\r\n") == "x\ny\n"  # Windows line ends are line ends
    assert resolve_frames("long line\rab\n") == "abng line\n"  # a terminal overwrites
    assert resolve_frames("0%\r50%\r100%\ndone\r") == "100%\ndone"
    assert terminal_html("\x1b[2K\x1b[1A\x1b]0;title\x07text\x1b[K") == "text"
    assert terminal_html("\x1b[38;5;196mx\x1b[39m\x1b[44my\x1b[49m") == (
        'x<span class="ansi-bg-blue">y</span>'
    )
    assert terminal_html("\x1b[1m\x1b[93mB\x1b[22mC\x1b[0mD") == (
        '<span class="ansi-bold ansi-bright-yellow">B</span>'
        '<span class="ansi-bright-yellow">C</span>D'
    )
