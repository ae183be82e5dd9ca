"""What the build adds to a page, as pure functions of a run and the page's labels.

``labels`` is always ``Site.labels(code)`` of the page's locale (``locales/<code>.yml``).
Nothing here reads the site, the cache or MkDocs: ``tests/test_render.py`` calls each
function with plain values. The HTML goes under a snippet's block (``result_html``,
``recording_html``, ``pending_html``); the Markdown goes into the page before it is
rendered (``gpu_tabs``, ``behind_notice``, ``report_markdown``).
"""

from __future__ import annotations

import base64
import html
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from tools.record import Recording
from tools.runner import Result, run_label
from tools.terminal import terminal_html

Labels = dict[str, Any]
Figure = tuple[bytes, bytes | None, str]  # PNG, its dark-palette PNG (or None), alt text


def marker(token: str, n: int) -> str:
    """The paragraph (of its own) that block ``n``'s HTML replaces; ``token``: the build's
    random one (``secrets.token_hex``), so no text a page or an output holds is one."""
    return f"SNIPPET-OUTPUT-{token}-{n}-END"


def put_outputs(content: str, token: str, blocks: Sequence[str]) -> str | None:
    """``content`` with each marker paragraph replaced by its block, in one pass (no
    block's text is read as a marker); None unless each marker is there exactly once."""
    pattern = re.compile(rf"<p>SNIPPET-OUTPUT-{re.escape(token)}-(\d+)-END</p>")
    found = sorted(int(m.group(1)) for m in pattern.finditer(content))
    if found != list(range(len(blocks))):
        return None
    return pattern.sub(lambda m: blocks[int(m.group(1))], content)


_TAGS = re.compile(r"<[^>]*>")


def shown_code(content: str, before: int) -> str:
    """The text of the last code block of rendered ``content`` that ends before
    position ``before``, as a reader sees and copies it."""
    end = content.rfind("</code></pre>", 0, before)
    start = content.rfind("<code", 0, end) if end >= 0 else -1
    if start < 0:
        return ""
    return html.unescape(_TAGS.sub("", content[content.index(">", start) + 1 : end]))


def output_html(
    snippet: str,
    label: str,
    stdout: str,
    figures: Sequence[Figure],
    labels: Labels,
    links: str = "",
    css: str = "snippet-output",
    stderr: str = "",
    lazy: bool = False,
) -> str:
    """The box under a block: caption, exact stdout, stderr (each as a terminal shows
    it: ``tools.terminal``), figures, ``links``. With a dark variant both figures are in
    the page and the palette shows one (CSS). ``lazy``: every figure loads only once shown
    (a GPU tab's, hidden until chosen)."""
    parts = [
        f'<div class="{css}" data-snippet="{html.escape(snippet)}">',
        f'<p class="snippet-output__label">{labels["output"]} · {html.escape(label)}</p>',
    ]
    if stdout:
        parts.append(f'<pre><code tabindex="0">{terminal_html(stdout)}</code></pre>')
    if stderr:
        parts.append(
            '<p class="snippet-output__stream">stderr</p>\n'
            '<pre class="snippet-output__stderr"><code tabindex="0">'
            f"{terminal_html(stderr)}</code></pre>"
        )
    for png, dark, alt in figures:
        for variant, data in (("light", png), ("dark", dark)):
            if data is None:
                continue
            kind = f" snippet-output__figure--{variant}" if dark is not None else ""
            when = 'loading="lazy" ' if lazy else ""
            parts.append(
                f'<img class="snippet-output__figure{kind}" alt="{html.escape(alt)}" {when}'
                f'src="data:image/png;base64,{base64.b64encode(data).decode()}">'
            )
    return "\n".join(parts + [links + "</div>"])


def result_html(result: Result, labels: Labels, links: str = "", varies: bool = False) -> str:
    """A run's output; ``varies``: the snippet is marked ``# output varies: why``."""
    label = result.label + (f" · {labels['varies']}" if varies else "")
    figures = [
        (
            p.read_bytes(),
            result.dark[i].read_bytes() if result.dark else None,
            figure_alt(i + 1, result.described[i] if result.described else {}, labels),
        )
        for i, p in enumerate(result.figures)
    ]
    return output_html(
        result.snippet, label, result.stdout, figures, labels, links, stderr=result.stderr
    )


def recording_html(rec: Recording, labels: Labels, stale: bool) -> str:
    """An output recorded on a GPU (``tools.record``)."""
    label = f"{run_label(rec.device, rec.torch, rec.seconds)} · {_recorded(rec, labels, stale)}"
    figures = [
        (png, dark, figure_alt(i + 1, rec.described[i] if rec.described else {}, labels))
        for i, (png, dark) in enumerate(zip(rec.pngs(), rec.dark_pngs()))
    ]
    css = "snippet-output snippet-output--recorded"
    return output_html(rec.snippet, label, rec.stdout, figures, labels, css=css, lazy=True)


def _recorded(rec: Recording, labels: Labels, stale: bool) -> str:
    words = labels["recorded"]
    return str(words["date"].format(date=rec.date)) + (f" · {words['stale']}" if stale else "")


def gpu_tabs(
    indent: str, markers: tuple[str, str], device: str, rec: Recording, labels: Labels, stale: bool
) -> str:
    """Markdown: two content tabs under a block, this build's output and the recorded one
    (``markers``: the paragraphs their HTML replaces)."""
    build_tab = f"{labels['build_tab']} · {device}"
    gpu_tab = f"{rec.gpu} · {_recorded(rec, labels, stale)}"
    i = indent
    return (
        f'\n{i}=== "{build_tab}"\n\n{i}    {markers[0]}\n\n'
        f'{i}=== "{gpu_tab}"\n\n{i}    {markers[1]}\n'
    )


def output_tabs(content: str, labels: Labels) -> str:
    """The tabs under a block (``gpu_tabs``: the first labelled ``build_tab``) made ours:
    Material sets up every content tab set as a page loads, with a forced layout each for
    its sliding indicator, so a chapter with twenty of them spent half its script time
    there. Ours are pymdownx's radio buttons with no ``data-tabs`` for Material to find;
    ``output-tabs.js`` links them (a tab chosen under one block is chosen under all, and
    remembered) and ``snippet-output.css`` marks the chosen label."""
    label = re.escape(html.escape(str(labels["build_tab"])))
    return re.sub(
        r'<div class="tabbed-set tabbed-alternate" data-tabs="\d+:2">'
        rf'(?=(?:<input [^>]*>){{2}}<div class="tabbed-labels"><label [^>]*>{label} · )',
        '<div class="tabbed-set tabbed-alternate output-tabs">',
        content,
    )


def pending_html(rel: str, labels: Labels, since: float | None, last: float | None) -> str:
    """Under ``mkdocs serve`` only: the marked placeholder of a snippet still running
    (``since``: when it started, None if queued; ``last``: its last run's seconds)."""
    words = labels["pending"]
    label = (
        words["since"].format(since=time.strftime("%H:%M:%S", time.localtime(since)))
        if since
        else words["queued"]
    )
    label += " · " + (words["last"].format(last=f"{last:.1f}") if last else words["first"])
    return (
        f'<div class="snippet-output snippet-output--pending" data-snippet="{html.escape(rel)}">\n'
        f'<p class="snippet-output__label">{labels["output"]} · '
        f"{html.escape(label)}</p>\n<p>{words['text']}</p>\n</div>"
    )


def figure_alt(n: int, described: dict[str, Any], labels: Labels) -> str:
    """A figure's alt text from what it shows (``notes_mpl_backend.describe``).

    "Figure 2: ReLU, Sigmoid; f(x), f'(x); x: x, y: y": the suptitle, the axes' titles,
    the legend entries, then the axis labels, each once, in the page's language for the
    words the build adds. A figure label the snippet set is used as written.
    """
    w = labels["alt"]
    head = f"{labels['figure']} {n}"
    if described.get("label"):
        return f"{head}{w['colon']}{described['label']}"
    axes = described.get("axes", [])
    parts = [
        described.get("suptitle", ""),
        ", ".join(_unique(a["title"] for a in axes)),
        ", ".join(_unique([t for a in axes for t in a["legend"]] + described.get("legend", []))),
    ]
    for pair in _unique(
        f"{a['xlabel']}\0{a['ylabel']}" for a in axes if a["xlabel"] or a["ylabel"]
    ):
        x, y = pair.split("\0")
        parts.append(
            w["both"].format(x=x, y=y)
            if x and y
            else w["x_only"].format(x=x)
            if x
            else w["y_only"].format(y=y)
        )
    if axes and all(a["image"] for a in axes) and not any(parts):
        parts.append(w["images"].format(n=len(axes)))
    words = [p for p in parts if p]
    return f"{head}{w['colon']}{w['sep'].join(words)}" if words else head


def _unique(values: Iterable[str]) -> list[str]:
    """Each text once, whitespace and ``$`` dropped; "_"-labels are matplotlib's hidden ones."""
    return list(
        dict.fromkeys(
            " ".join(v.replace("$", "").split()) for v in values if v and not v.startswith("_")
        )
    )


def behind_notice(labels: Labels, url: str) -> str:
    """Markdown under a heading whose section is behind the other language (``url``)."""
    words = labels["behind"]
    return f'\n!!! note "{words["title"]}"\n    {words["text"].format(url=html.escape(url))}\n'


def notebook_links(labels: Labels, nb_url: str, name: str) -> str:
    """Links under an example's output: its notebook page and its two downloads."""
    words = labels["notebook_links"]
    stem = name.rsplit(".", 1)[0]
    return (
        f'<p class="snippet-output__links"><a href="{nb_url}">{words["view"]}</a> · '
        f'{words["download"]} <a href="{nb_url}{name}" download>{name}</a> · '
        f'<a href="{nb_url}{stem}.ipynb" download>{stem}.ipynb</a></p>\n'
    )


_MERMAID = re.compile(r'<pre class="mermaid"><code>(?P<src>.*?)</pre>', re.S)


def diagram_boxes(content: str) -> str:
    """Each diagram in a box of its own; a left-to-right one keeps a legible width on a
    narrow screen and scrolls sideways in its box (CSS), a top-down one fits anyway."""

    def box(m: re.Match[str]) -> str:
        wide = re.match(r"\s*(?:flowchart|graph)\s+(?:LR|RL)\b", html.unescape(m["src"]))
        css = "diagram-scroll diagram-scroll--wide" if wide else "diagram-scroll"
        return f'<div class="{css}">{m.group(0)}</div>'

    return _MERMAID.sub(box, content)


def page_stamp(
    results: Sequence[Result], recordings: Sequence[Recording], labels: Labels, report: str
) -> str:
    """The line under a page's title saying where its outputs come from: when they ran,
    with which Python, torch and device, the GPU recordings, and a link to ``report``."""
    w = labels["stamp"]
    dates = sorted({time.strftime("%Y-%m-%d", time.gmtime(r.ran_at)) for r in results})
    when = dates[0] if len(dates) == 1 else w["range"].format(first=dates[0], last=dates[-1])

    def joined(values: Iterable[str]) -> str:
        return ", ".join(sorted(set(values))) or "—"

    text = w["text"].format(
        when=when,
        python=joined(r.python.split()[-1] for r in results if r.python),
        torch=joined(r.torch for r in results),
        device=joined(r.device.upper() if r.device == "cpu" else r.device for r in results),
    )
    if recordings:
        text += w["gpu"].format(
            gpu=joined(rec.gpu for rec in recordings), date=max(rec.date for rec in recordings)
        )
    link = f'<a href="{html.escape(report)}">{w["report"]}</a>'
    return f'<p class="page-stamp">{html.escape(text, quote=False)} · {link}</p>'


@dataclass(frozen=True)
class ReportRow:
    """One snippet in the execution report; ``result`` None: not run yet (serve)."""

    snippet: str  # relative to snippets/
    slugs: tuple[str, ...]  # the pages showing it, each language's
    result: Result | None
    source: str  # "cache", "built" or "pending": a key of the report's labels
    gpu: str  # "none", "current" or "stale"


def report_markdown(
    rows: Sequence[ReportRow],
    labels: Labels,
    link: Callable[[str], str],
    now: float,
    environment: dict[str, str] | None = None,
) -> str:
    """The execution report's tables: a summary, the ten slowest snippets, totals per
    page, every snippet (``link``: a page's slug as a Markdown link from the report)."""
    w = labels["report"]
    rows = sorted(rows, key=lambda r: -(r.result.seconds if r.result else 0.0))
    done = [r.result for r in rows if r.result]
    out = [
        w["summary"].format(
            n=len(rows),
            total=sum(r.seconds for r in done),
            devices=", ".join(sorted({r.device for r in done})) or "—",
            torch=", ".join(sorted({r.torch for r in done})) or "—",
            now=time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(now)),
        ),
        "",
    ]
    if environment:
        out += environment_table(environment, done, w)
    head = [w[c] for c in ("snippet", "page", "device", "time", "ran", "source", "gpu")]
    out += [
        f"## {w['slowest']} {{ #slowest }}",
        "",
        *_table(head, [_cells(r, w, link) for r in rows[:10]]),
    ]
    per_page: dict[str, list[float]] = {}
    for r in rows:
        for slug in dict.fromkeys(r.slugs):
            per_page.setdefault(slug, []).append(r.result.seconds if r.result else 0.0)
    totals = sorted(per_page.items(), key=lambda kv: -sum(kv[1]))
    out += [f"## {w['pages']} {{ #per-page }}", ""]
    out += _table(
        [w["page"], w["count"], w["total"]],
        [[link(s), str(len(t)), f"{sum(t):.2f}"] for s, t in totals],
    )
    out += [f"## {w['all']} {{ #all }}", ""]
    out += _table(head, [_cells(r, w, link) for r in sorted(rows, key=lambda r: r.snippet)])
    return "\n".join(out)


def environment_table(environment: dict[str, str], done: Sequence[Result], w: Labels) -> list[str]:
    """The environment the outputs were made in, and any snippet whose result was made in
    another (a version of one of these that differs)."""
    out = [f"## {w['environment']} {{ #environment }}", ""]
    out += _table(list(environment), [[f"`{v}`" for v in environment.values()]])
    other = []
    for r in sorted(done, key=lambda r: r.snippet):
        made = dict(r.environment, Python=r.python.split()[-1] if r.python else "")
        differs = [f"{k} {made[k]}" for k, v in environment.items() if made.get(k, v) != v]
        if differs:
            other.append(f"- `{r.snippet}`: {', '.join(differs)}")
    return out + [w["other"] if other else w["same"], "", *other, ""]


def _table(head: list[str], body: list[list[str]]) -> list[str]:
    """A Markdown table in a ``report-table`` box (snippet-output.css styles it and lays it
    out only when it nears the screen; ``--rows`` gives its height until then)."""
    return [
        f'<div class="report-table" style="--rows:{len(body) + 1}" markdown>',
        "",
        "| " + " | ".join(head) + " |",
        "|" + "---|" * len(head),
        *("| " + " | ".join(cells) + " |" for cells in body),
        "",
        "</div>",
        "",
    ]


def _cells(r: ReportRow, w: Labels, link: Callable[[str], str]) -> list[str]:
    res = r.result
    ran = time.strftime("%Y-%m-%d %H:%M", time.gmtime(res.ran_at)) if res and res.ran_at else "—"
    return [
        f"`{r.snippet}`",
        ", ".join(link(s) for s in dict.fromkeys(r.slugs)),
        f"{res.device if res else '—'} · torch {res.torch if res else '—'}",
        f"{res.seconds if res else 0.0:.2f}",
        ran,
        w[r.source],
        w[r.gpu],
    ]
