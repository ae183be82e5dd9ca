"""What the build adds to a page (``tools.render``), without MkDocs: plain values in, HTML
and Markdown out, in each written language's words (``locales/``)."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from tests.project import DEFAULT, OTHER, SITE
from tools import render
from tools.record import Recording
from tools.runner import Result

W = SITE.labels(OTHER)  # the other written language's words
A = W["alt"]
HEAD = f"{W['figure']} 3{A['colon']}"  # "Figure 3: "
PNG = b"\x89PNG fake"


def result(tmp_path: Path, **kw: object) -> Result:
    fields: dict[str, object] = dict(
        snippet="snippets/a.py",
        stdout="x < 1 & y\n",
        figures=(),
        device="cpu",
        torch="2.0",
        seconds=0.5,
        cpu_seconds=0.5,
    )
    fields.update(kw)
    return Result(**fields)  # type: ignore[arg-type]


def test_output_is_exact_and_escaped(tmp_path: Path) -> None:
    got = render.result_html(result(tmp_path, stderr="warn <x>"), W, links="<p>L</p>")
    assert got.startswith('<div class="snippet-output" data-snippet="snippets/a.py">\n')
    assert f'<p class="snippet-output__label">{W["output"]} · cpu · torch 2.0 · 0.50 s</p>' in got
    assert '<pre><code tabindex="0">x &lt; 1 &amp; y\n</code></pre>' in got
    assert '<pre class="snippet-output__stderr"><code tabindex="0">warn &lt;x&gt;</code>' in got
    assert got.endswith("<p>L</p></div>")
    assert W["varies"] in render.result_html(result(tmp_path), W, varies=True)
    assert W["varies"] not in got


def test_figures_light_and_dark_with_alt_text(tmp_path: Path) -> None:
    light, dark = tmp_path / "1.png", tmp_path / "1-dark.png"
    light.write_bytes(PNG)
    dark.write_bytes(PNG + b"d")
    described = {
        "axes": [
            {"title": "Loss", "xlabel": "epoch", "ylabel": "", "legend": ["train"], "image": False}
        ]
    }
    got = render.result_html(
        result(tmp_path, figures=(light,), dark=(dark,), described=(described,)), W
    )
    assert got.count("<img") == 2
    assert 'class="snippet-output__figure snippet-output__figure--light"' in got
    assert base64.b64encode(PNG + b"d").decode() in got
    words = A["sep"].join(["Loss", "train", A["x_only"].format(x="epoch")])
    assert f'alt="{W["figure"]} 1{A["colon"]}{words}"' in got
    no_dark = render.result_html(result(tmp_path, figures=(light,)), W)
    assert f'<img class="snippet-output__figure" alt="{W["figure"]} 1"' in no_dark


@pytest.mark.parametrize(
    ("described", "alt"),
    [
        ({}, HEAD.removesuffix(A["colon"])),
        ({"label": "A chosen label", "suptitle": "ignored"}, HEAD + "A chosen label"),
        ({"suptitle": "As  set", "axes": []}, HEAD + "As  set"),  # the suptitle as written
        (
            {
                "axes": [
                    {
                        "title": "",
                        "xlabel": "$x$",
                        "ylabel": "y",
                        "legend": ["_hidden", "a"],
                        "image": False,
                    }
                ]
            },
            HEAD + "a" + A["sep"] + A["both"].format(x="x", y="y"),
        ),
        (
            {"axes": [{"title": "", "xlabel": "", "ylabel": "", "legend": [], "image": True}] * 2},
            HEAD + A["images"].format(n=2),
        ),
        (
            {"axes": [{"title": "t", "xlabel": "", "ylabel": "v", "legend": [], "image": False}]},
            HEAD + "t" + A["sep"] + A["y_only"].format(y="v"),
        ),
    ],
)
def test_figure_alt(described: dict[str, object], alt: str) -> None:
    assert render.figure_alt(3, described, W) == alt


def test_alt_text_is_in_the_pages_language() -> None:
    words = SITE.labels(DEFAULT)
    got = render.figure_alt(1, {"suptitle": "S"}, words)
    assert got == f"{words['figure']} 1{words['alt']['colon']}S" and got != render.figure_alt(
        1, {"suptitle": "S"}, W
    )


def test_placeholder_says_since_when_and_how_long_last_time() -> None:
    got = render.pending_html("snippets/<a>.py", W, since=None, last=None)
    assert (
        'class="snippet-output snippet-output--pending" data-snippet="snippets/&lt;a&gt;.py"' in got
    )
    assert f"{W['pending']['queued']} · {W['pending']['first']}" in got
    running = render.pending_html("snippets/a.py", W, since=1.0, last=2.25)
    assert W["pending"]["last"].format(last="2.2") in running
    assert W["pending"]["since"].split("{")[0] in running


def recording(stale_dark: bool = False) -> Recording:
    png = base64.b64encode(PNG).decode()
    return Recording(
        snippet="snippets/g.py",
        source_sha256="0",
        device="cuda (NVIDIA H200)",
        torch="2.1",
        date="2026-01-02",
        seconds=3.0,
        stdout="on gpu\n",
        figures=(png,),
        dark=() if stale_dark else (png,),
    )


RECORDED = W["recorded"]["date"].format(date="2026-01-02")


def test_gpu_recording_and_its_tabs() -> None:
    rec = recording()
    got = render.recording_html(rec, W, stale=True)
    assert 'class="snippet-output snippet-output--recorded"' in got and "on gpu" in got
    assert f"cuda (NVIDIA H200) · torch 2.1 · 3.0 s · {RECORDED} · {W['recorded']['stale']}" in got
    # hidden in its tab until chosen: its figures (light and dark) load only when shown
    assert got.count("<img ") == got.count('loading="lazy" src="data:') == 2
    assert 'loading="lazy"' not in render.output_html("s.py", "l", "", [(PNG, PNG, "a")], W)
    tabs = render.gpu_tabs("  ", ("M0", "M1"), "cpu", rec, W, stale=False)
    assert tabs == (
        f'\n  === "{W["build_tab"]} · cpu"\n\n      M0\n\n'
        f'  === "NVIDIA H200 · {RECORDED}"\n\n      M1\n'
    )


def test_report_tables(tmp_path: Path) -> None:
    rows = [
        render.ReportRow(
            "a.py", ("p", "p"), result(tmp_path, seconds=2.0, ran_at=86400.0), "cache", "none"
        ),
        render.ReportRow("b.py", ("q",), None, "pending", "stale"),
    ]
    got = render.report_markdown(rows, W, lambda s: f"[{s}]({s}.md)", now=0.0)
    r = W["report"]
    now = "1970-01-01 00:00 UTC"
    assert got.startswith(r["summary"].format(n=2, total=2.0, devices="cpu", torch="2.0", now=now))
    assert "{ #slowest }" in got and "{ #per-page }" in got
    assert (
        f"| `a.py` | [p](p.md) | cpu · torch 2.0 | 2.00 | 1970-01-02 00:00 | {r['cache']} | {r['none']} |"
        in got
    )
    assert f"| `b.py` | [q](q.md) | — · torch — | 0.00 | — | {r['pending']} | {r['stale']} |" in got
    assert "| [p](p.md) | 1 | 2.00 |" in got


def test_notices_links_and_diagrams() -> None:
    notice = render.behind_notice(SITE.labels(OTHER), "../x/#a&b")
    assert notice.startswith(f'\n!!! note "{SITE.labels(OTHER)["behind"]["title"]}"\n    ')
    assert "../x/#a&amp;b" in notice
    links = render.notebook_links(W, "../nb/", "lenet.py")
    assert '<a href="../nb/lenet.py" download>lenet.py</a>' in links
    assert '<a href="../nb/lenet.ipynb" download>lenet.ipynb</a>' in links
    wide = render.diagram_boxes('<pre class="mermaid"><code>flowchart LR\nA--&gt;B</code></pre>')
    assert wide.startswith('<div class="diagram-scroll diagram-scroll--wide"><pre')
    tall = render.diagram_boxes('<pre class="mermaid"><code>graph TD\nA</code></pre>')
    assert tall.startswith('<div class="diagram-scroll"><pre')


def test_only_the_tabs_under_blocks_are_taken_from_material() -> None:
    """``output_tabs``: a tab set whose first label is this build's output loses the
    ``data-tabs`` Material sets tab sets up by; an author's tab set keeps it."""

    def tab_set(n: int, first: str) -> str:
        return (
            f'<div class="tabbed-set tabbed-alternate" data-tabs="{n}:2">'
            f'<input checked="checked" id="__tabbed_{n}_1" name="__tabbed_{n}" type="radio" />'
            f'<input id="__tabbed_{n}_2" name="__tabbed_{n}" type="radio" />'
            f'<div class="tabbed-labels"><label for="__tabbed_{n}_1">{first}</label>'
            f'<label for="__tabbed_{n}_2">GPU</label></div>\n<div class="tabbed-content">'
        )

    for code in (DEFAULT, OTHER):
        words = SITE.labels(code)
        ours, authors = tab_set(1, f"{words['build_tab']} · cpu"), tab_set(2, "conda")
        out = render.output_tabs(ours + authors, words)
        assert out.count("data-tabs") == 1 and 'data-tabs="2:2"' in out
        assert out.startswith('<div class="tabbed-set tabbed-alternate output-tabs"><input')
