"""tools/cjk.py: soft line breaks between CJK characters joined, in prose only."""

from __future__ import annotations

import pytest

from tools.cjk import join_soft_breaks


@pytest.mark.parametrize(
    ("html", "joined"),
    [
        ("<p>写下生成每个张量的所有\n运算</p>", "<p>写下生成每个张量的所有运算</p>"),
        ("<p>用链式法则\n  就能算出梯度。</p>", "<p>用链式法则就能算出梯度。</p>"),
        ("<li>第一行，\n  标签里</li>", "<li>第一行，标签里</li>"),  # CJK punctuation
        ("<p><strong>要点。</strong>\n正文</p>", "<p><strong>要点。</strong>正文</p>"),
        (
            '<p>见\n<a href="x.md" title="a b">张量</a>\n一章</p>',
            '<p>见<a href="x.md" title="a b">张量</a>一章</p>',
        ),
        ("<p><strong>要点。</strong> 正文</p>", "<p><strong>要点。</strong>正文</p>"),  # a space
        ("<td>形状\n不变</td>", "<td>形状不变</td>"),
        ("<p>中\n文\n字</p>", "<p>中文字</p>"),  # overlapping gaps
        ("<p>「引号」\n“这样”\n的</p>", "<p>「引号」“这样”的</p>"),
        ("<p>體的\n張量</p>", "<p>體的張量</p>"),  # 繁體中文
    ],
)
def test_gaps_between_cjk_characters_are_joined(html: str, joined: str) -> None:
    assert join_soft_breaks(html) == joined


@pytest.mark.parametrize(
    "html",
    [
        "<p>使用\nPyTorch 训练</p>",  # CJK beside Latin: the space reads right
        "<p>Tensor\n张量</p>",
        "<pre><code>中文\n注释</code></pre>",  # code
        '<pre class="mermaid"><code>flowchart LR\n  A[数据] --> B[模型]\n  中\n文</code></pre>',
        "<p>调用 <code>x</code>\n之后</p>",  # inline code is opaque
        '<p>公式\n<span class="arithmatex">\\(中\n文\\)</span>\n之后</p>',  # math
        '<div class="arithmatex">\\[\n中\n文\n\\]</div>',
        "<script>var a = '中\\n文'; // 中\n文</script>",
        "<style>/* 中\n文 */</style>",
        "<p>第一段。</p>\n<p>第二段</p>",  # block boundaries are not soft breaks
        "<li>一</li>\n<li>二</li>",
        "<p>一行<br>\n下一行</p>",
        "<h2>张量 · 广播</h2>",  # a space beside shared punctuation is the writer's
        "<p>“a”\n“b” — English</p>",  # shared punctuation on both sides
        "<p>only English\ntext here</p>",
    ],
)
def test_code_math_blocks_and_latin_text_are_left_alone(html: str) -> None:
    assert join_soft_breaks(html) == html
