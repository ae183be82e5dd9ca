"""tools/diagrams.py: diagrams drawn ahead of time, put in their pages as SVG."""

from __future__ import annotations

from pathlib import Path

from tools import diagrams

CODE = "flowchart LR\n  A[&quot;数据&quot;] --&gt; B[模型]"
PAGE = f'<p>x</p><div class="diagram-scroll"><pre class="mermaid"><code>{CODE}</code></pre></div>'


def test_a_drawn_diagram_goes_in_as_svg_in_a_shadow_root(tmp_path: Path) -> None:
    text = diagrams.text_of(f"<code>{CODE}</code>")
    assert text == 'flowchart LR\n  A["数据"] --> B[模型]'  # what Material reads
    assert diagrams.drawn(PAGE, tmp_path) == PAGE  # not drawn yet: Mermaid draws it
    name = diagrams.key(text)
    (tmp_path / f"{name}.svg").write_text('<svg id="__mermaid_0"></svg>', encoding="utf-8")
    assert diagrams.drawn(PAGE, tmp_path) == (
        f'<p>x</p><div class="diagram-scroll"><div class="mermaid" data-diagram="{name}">'
        '<template shadowrootmode="closed"><svg id="__mermaid_0"></svg></template></div></div>'
    )
    assert diagrams.key(text + " ") != name and len(name) == 16


def test_drawings_are_named_by_text_and_versions(tmp_path: Path) -> None:
    (tmp_path / Path(diagrams.MERMAID).parent).mkdir(parents=True)
    (tmp_path / diagrams.MERMAID).write_text("one", encoding="utf-8")
    before = diagrams.key("flowchart LR", tmp_path)
    diagrams._versions.cache_clear()
    (tmp_path / diagrams.MERMAID).write_text("two", encoding="utf-8")  # another Mermaid
    assert diagrams.key("flowchart LR", tmp_path) != before
    diagrams._versions.cache_clear()


def test_path_data_is_kept_to_a_tenth_of_a_pixel_and_nothing_else_changes() -> None:
    svg = '<path d="M-7.484375 -19.5 C-2.916047084720371 -19.5"/><text>lr 0.00123</text>'
    assert diagrams.smaller(svg) == '<path d="M-7.4 -19.5 C-2.9 -19.5"/><text>lr 0.00123</text>'


def test_undrawn_and_needed_read_the_built_pages(tmp_path: Path) -> None:
    site, folder = tmp_path / "site", tmp_path / "drawings"
    (site / "a").mkdir(parents=True)
    folder.mkdir()
    (site / "a/index.html").write_text(PAGE, encoding="utf-8")
    text = diagrams.text_of(CODE)
    assert diagrams.undrawn(site, folder) == {"a/index.html": [text]}
    assert diagrams.needed(site) == {diagrams.key(text)}
    (folder / f"{diagrams.key(text)}.svg").write_text("<svg></svg>", encoding="utf-8")
    assert diagrams.undrawn(site, folder) == {}
    (site / "a/index.html").write_text(diagrams.drawn(PAGE, folder), encoding="utf-8")
    assert diagrams.needed(site) == {diagrams.key(text)}
