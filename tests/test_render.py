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

EN = SITE.labels("en")
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
    got = render.result_html(result(tmp_path, stderr="warn <x>"), EN, links="<p>L</p>")
    assert got.startswith('<div class="snippet-output" data-snippet="snippets/a.py">\n')
    assert f'<p class="snippet-output__label">{EN["output"]} · cpu · torch 2.0 · 0.50 s</p>' in got
    assert '<pre><code tabindex="0">x &lt; 1 &amp; y\n</code></pre>' in got
    assert '<pre class="snippet-output__stderr"><code tabindex="0">warn &lt;x&gt;</code>' in got
    assert got.endswith("<p>L</p></div>")
    assert EN["varies"] in render.result_html(result(tmp_path), EN, varies=True)
    assert EN["varies"] not in got


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
        result(tmp_path, figures=(light,), dark=(dark,), described=(described,)), EN
    )
    assert got.count("<img") == 2
    assert 'class="snippet-output__figure snippet-output__figure--light"' in got
    assert base64.b64encode(PNG + b"d").decode() in got
    assert f'alt="{EN["figure"]} 1: Loss; train; x: epoch"' in got
    no_dark = render.result_html(result(tmp_path, figures=(light,)), EN)
    assert '<img class="snippet-output__figure" alt="Figure 1"' in no_dark


@pytest.mark.parametrize(
    ("described", "alt"),
    [
        ({}, "Figure 3"),
        ({"label": "A chosen label", "suptitle": "ignored"}, "Figure 3: A chosen label"),
        ({"suptitle": "As  set", "axes": []}, "Figure 3: As  set"),  # the suptitle as written
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
            "Figure 3: a; x: x, y: y",
        ),
        (
            {"axes": [{"title": "", "xlabel": "", "ylabel": "", "legend": [], "image": True}] * 2},
            "Figure 3: 2 images",
        ),
        (
            {"axes": [{"title": "t", "xlabel": "", "ylabel": "v", "legend": [], "image": False}]},
            "Figure 3: t; y: v",
        ),
    ],
)
def test_figure_alt(described: dict[str, object], alt: str) -> None:
    assert render.figure_alt(3, described, EN) == alt


def test_alt_text_is_in_the_pages_language() -> None:
    words = SITE.labels(DEFAULT)
    got = render.figure_alt(1, {"suptitle": "S"}, words)
    assert got == f"{words['figure']} 1{words['alt']['colon']}S" and got != render.figure_alt(
        1, {"suptitle": "S"}, EN
    )


def test_placeholder_says_since_when_and_how_long_last_time() -> None:
    got = render.pending_html("snippets/<a>.py", EN, since=None, last=None)
    assert (
        'class="snippet-output snippet-output--pending" data-snippet="snippets/&lt;a&gt;.py"' in got
    )
    assert f"{EN['pending']['queued']} · {EN['pending']['first']}" in got
    running = render.pending_html("snippets/a.py", EN, since=1.0, last=2.25)
    assert EN["pending"]["last"].format(last="2.2") in running
    assert EN["pending"]["since"].split("{")[0] in running


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


def test_gpu_recording_and_its_tabs() -> None:
    rec = recording()
    got = render.recording_html(rec, EN, stale=True)
    assert 'class="snippet-output snippet-output--recorded"' in got and "on gpu" in got
    assert (
        f"cuda (NVIDIA H200) · torch 2.1 · 3.0 s · recorded 2026-01-02 · {EN['recorded']['stale']}"
        in got
    )
    tabs = render.gpu_tabs("  ", ("M0", "M1"), "cpu", rec, EN, stale=False)
    assert tabs == (
        f'\n  === "{EN["build_tab"]} · cpu"\n\n      M0\n\n'
        '  === "NVIDIA H200 · recorded 2026-01-02"\n\n      M1\n'
    )


def test_report_tables(tmp_path: Path) -> None:
    rows = [
        render.ReportRow(
            "a.py", ("p", "p"), result(tmp_path, seconds=2.0, ran_at=86400.0), "cache", "none"
        ),
        render.ReportRow("b.py", ("q",), None, "pending", "stale"),
    ]
    got = render.report_markdown(rows, EN, lambda s: f"[{s}]({s}.md)", now=0.0)
    assert got.startswith("2 snippets, 2.0 s of runs in all; device cpu; torch 2.0; ")
    assert "1970-01-01 00:00 UTC" in got and "{ #slowest }" in got and "{ #per-page }" in got
    assert (
        "| `a.py` | [p](p.md) | cpu · torch 2.0 | 2.00 | 1970-01-02 00:00 | cache | none |" in got
    )
    assert "| `b.py` | [q](q.md) | — · torch — | 0.00 | — | running | stale |" in got
    assert "| [p](p.md) | 1 | 2.00 |" in got


def test_notices_links_and_diagrams() -> None:
    notice = render.behind_notice(SITE.labels(OTHER), "../x/#a&b")
    assert notice.startswith(f'\n!!! note "{SITE.labels(OTHER)["behind"]["title"]}"\n    ')
    assert "../x/#a&amp;b" in notice
    links = render.notebook_links(EN, "../nb/", "lenet.py")
    assert '<a href="../nb/lenet.py" download>lenet.py</a>' in links
    assert '<a href="../nb/lenet.ipynb" download>lenet.ipynb</a>' in links
    wide = render.diagram_boxes('<pre class="mermaid"><code>flowchart LR\nA--&gt;B</code></pre>')
    assert wide.startswith('<div class="diagram-scroll diagram-scroll--wide"><pre')
    tall = render.diagram_boxes('<pre class="mermaid"><code>graph TD\nA</code></pre>')
    assert tall.startswith('<div class="diagram-scroll"><pre')
