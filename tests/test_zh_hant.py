"""繁體中文 as a reader in Taiwan reads it (issue 27): the generated pages' prose has none of
the mainland terms and wrong characters a converted text gives away, rows and columns
read the Taiwanese way round, and the theme's and extensions' own words are in each
page's language."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from tests.project import SITE
from tools import generate

TAIWAN = next((x for x in SITE.generated if x.opencc == "s2twp"), None)
pytestmark = pytest.mark.skipif(TAIWAN is None, reason="no locale generated with s2twp")

# What gives a converted text away, as the generated pages would show it, and what Taiwan's
# technical writing says instead (the phrase table in locales/<code>.yml gets it there).
# The lookarounds keep the right words: 函式庫 and 儲存庫, 驅動程式, 位元 and 位置,
# a measure word 一隻, 子類別.
MAINLAND = {
    r"復制": "複製",
    r"(分佈|正弦|線性|二次)函式|函式(影像|圖)": "函數 (a mathematical function)",
    r"(?<![公英海])里": "裡",
    r"喂": "餵",
    r"(?<![一兩幾每])隻": "只",
    r"舍入": "捨入",
    r"併發出": "並發出",
    r"合並": "合併",
    r"明瞭": "明了",
    r"運行": "執行",
    r"調用": "呼叫",
    r"調試": "除錯",
    r"創建": "建立",
    r"窗口": "視窗",
    r"程序": "行程 (a process) or 程式 (a program)",
    r"基類|子類(?!別)|抽象類(?!別)|類名|的類(?![別似型])": "類別 (a class)",
    r"打印|列印": "印出",
    r"報錯": "出錯, 錯誤",
    r"當前": "目前",
    r"單元格": "儲存格",
    r"示例": "範例",
    r"自定義": "自訂",
    r"推理": "推論",
    r"下標": "索引",
    r"通過": "透過",
    r"標量": "純量",
    r"實現": "實作",
    r"教程": "教學",
    r"驅動(?!程式)": "驅動程式",
    r"(?<!函式|儲存)庫": "函式庫",
    r"方差": "變異數",
    r"註釋": "註解",
    r"演示": "示範",
    r"灰度": "灰階",
    r"噪聲": "雜訊",
    r"地址": "位址",
    r"臨時目錄": "暫存目錄",
    r"(?<![打解背錢紅書])包(?![括含裝住起成在上一])": "套件",
    r"掩碼": "遮罩",
    r"隨機數": "亂數",
    r"\d ?位(?![元置])|逐位(?!元)|位寬": "位元 (bits)",
    r"並行": "平行",
    r"網上": "網路上",
    r"構造": "建構",
    r"後臺": "背景",
    r"插值": "內插",
    r"主機名(?!稱)": "主機名稱",
    r"時間戳(?!記)": "時間戳記",
    r"計算機視覺": "電腦視覺",
    r"最佳化": "優化 (one word for it throughout)",
    r"拷貝": "複製 (Material's zh-TW)",
    r"个": "個",
    r"頁脚": "頁腳 (Material's zh-TW)",
    r"Permanent link|Copy to Clipboard": "the page's language",
}

_HIDDEN = re.compile(r"<(pre|code|script|style)\b.*?</\1>", re.S)  # code: kept as written
_ATTR = re.compile(r'\b(?:title|aria-label|alt|placeholder)="([^"]*)"')
_BLOCK = re.compile(r"</?(?:p|li|td|th|h[1-6]|div|tr|dt|dd|summary|br|nav|header)\b[^>]*>")


def prose(page: str) -> str:
    """A built page's words a reader sees, code left out: text and the attributes read
    aloud or shown on hover. Inline tags join (**类** reads with what is around it),
    block tags separate."""
    text = _HIDDEN.sub("\n", page)
    attrs = "\n".join(m.group(1) for m in _ATTR.finditer(text))
    text = re.sub(r"<[^>]+>", "", _BLOCK.sub("\n", text))
    return html.unescape(text + "\n" + attrs)


def mainland_terms(text: str) -> list[str]:
    """Each mainland term in ``text``, with what Taiwan writes and its context."""
    found = []
    for pattern, taiwan in MAINLAND.items():
        for m in re.finditer(pattern, text):
            around = text[max(0, m.start() - 8) : m.end() + 8].replace("\n", " ")
            found.append(f"{m.group(0)} → {taiwan}: …{around}…")
    return found


def test_the_check_finds_what_issue_27_names() -> None:
    """The words the reader found (as the conversion gave them before), and none in the
    right ones."""
    wrong = (
        "不復制資料 筆記里 先喂一個 區別隻影響 舍入 函式影像 累積分佈函式 子程序 基類 "
        "列印一行 報錯 當前目錄 單元格 示例 自定義 推理張量 下標 通過代理 標量 實現 教程 "
        "顯示卡驅動 標準庫 方差 註釋 演示 灰度圖 噪聲 地址 臨時目錄 安裝包 掩碼 隨機數 "
        "64 位 CPU 並行 網上 構造 後臺 插值 主機名 時間戳 計算機視覺 拷貝 找到 1 个 頁脚 "
        "Permanent link"
    )
    assert len(mainland_terms(wrong)) >= 45, mainland_terms(wrong)
    right = (
        "不複製資料 筆記裡 先餵一個 一隻甲殼蟲 區別只影響 捨入 函數圖形 累積分佈函數 子行程 "
        "印出一行 目前目錄 儲存格 範例 自訂 推論 索引 透過代理 純量 實作 教學 顯示卡驅動程式 "
        "標準函式庫 儲存庫 變異數 註解 示範 灰階 雜訊 位址 暫存目錄 安裝套件 包括 包含 "
        "包裝成函式 遮罩 亂數 64 位元 CPU 位置 平行 網路上 建構 背景 內插 主機名稱 時間戳記 "
        "電腦視覺 程式碼 類別 這類層 子類別 複製 頁腳 永久連結"
    )
    assert not mainland_terms(right)


def test_generated_prose_reads_as_taiwan_writes(site: Path) -> None:
    assert TAIWAN is not None
    pages = sorted((site / TAIWAN.prefix).rglob("*.html"))
    assert len(pages) >= len(SITE.pages()), "a generated page is missing"
    found = [
        f"{page.relative_to(site)}: {term}"
        for page in pages
        for term in mainland_terms(prose(page.read_text(encoding="utf-8")))
    ]
    assert not found, (
        "mainland terms on the generated pages; add a phrase with enough context to "
        f"locales/{TAIWAN.code}.yml:\n" + "\n".join(found)
    )


# Rows and columns: in Simplified 行 is a row and 列 a column; in Taiwan the other way
# round. 行 is also a line (of code, of output), in both.
ROWS_AND_COLUMNS = {
    "`dim=1` 让每一行和为 1，`dim=0` 让每一列和为 1。": "`dim=1` 讓每一列和為 1，`dim=0` 讓每一行和為 1。",
    "要求 $A$ 的列数等于 $B$ 的行数": "要求 $A$ 的行數等於 $B$ 的列數",
    "按 PyTorch 的行向量约定": "按 PyTorch 的列向量約定",
    "取每行得分最高的类别": "取每列得分最高的類別",
    "**先行后列**": "**先列後行**",
    "用简体中文说就是“先行后列”": "用簡體中文說就是「先行後列」",
    "最后一行输出 `True`": "最後一行輸出 `True`",  # a line of output
}


def test_rows_and_columns_read_the_taiwanese_way() -> None:
    assert TAIWAN is not None
    convert = generate.for_locale(SITE, TAIWAN)
    wrong = {
        s: got
        for s, t in ROWS_AND_COLUMNS.items()
        if (got := generate.convert_markdown(s, convert)) != t
    }
    assert not wrong, wrong


def _translations(page: str) -> dict[str, str]:
    m = re.search(r'<script id="__config" type="application/json">(.*?)</script>', page, re.S)
    assert m, "Material's __config is gone"
    return dict(json.loads(m.group(1))["translations"])


def test_theme_and_extensions_speak_the_pages_language(site: Path) -> None:
    """Material's zh-TW on the generated pages (複製, not zh-Hant's 拷貝); toc's permalink
    titles and mkdocs-jupyter's copy buttons in each page's language."""
    assert TAIWAN is not None
    tw = (site / TAIWAN.url("tensors") / "index.html").read_text(encoding="utf-8")
    words = _translations(tw)
    assert words["clipboard.copy"] == "複製" and words["search.result.one"].startswith("找到 1 個")
    assert "頁腳" in tw and "頁脚" not in tw
    for locale in SITE.locales:
        titles = SITE.labels(locale.code)["theme"]
        page = (site / locale.url("tensors") / "index.html").read_text(encoding="utf-8")
        permalinks = re.findall(r'class="headerlink" href="[^"]*" title="([^"]*)"', page)
        assert permalinks and set(permalinks) == {titles["permalink"]}, locale.code
        notebook = site / locale.url("notebooks/quickstart") / "index.html"
        copies = re.findall(
            r'<clipboard-copy\b[^>]*aria-label="([^"]*)"', notebook.read_text("utf-8")
        )
        assert copies and set(copies) == {titles["copy"]}, locale.code
