"""Search in the browser: a query opens a result in the reader's language, the page that
teaches a topic is among the first five, and the index is fetched only when search is
used (headless Chromium against the built site; see ``tests/test_browser.py``)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.browser import GENERATED, LANGS, Reader, wait_for_search_index
from tests.project import DEFAULT, OTHER, SITE
from tests.test_built_site import url_path


@pytest.mark.parametrize(
    ("lang", "term", "expect"),
    [
        (DEFAULT, "张量", "张量"),
        (DEFAULT, "自动求导", "求导"),
        (DEFAULT, "广播", "广播"),
        (OTHER, "broadcast", "broadcast"),
        (OTHER, "autograd", "autograd"),
    ]
    + [
        (code, convert(term), convert(expect))
        for code, convert in GENERATED.items()
        for term, expect in (("张量", "张量"), ("自动求导", "求导"), ("广播", "广播"))
    ],
)
def test_search_finds_and_opens_a_result(reader: Reader, lang: str, term: str, expect: str) -> None:
    page = reader.open(url_path("index", lang))
    page.click(".md-search__input")
    wait_for_search_index(page)
    page.fill(".md-search__input", term)
    page.press(".md-search__input", "End")  # Material searches on key events
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_load_state("networkidle")
    assert "/search" not in page.url and page.url != reader.base_url + url_path("index", lang)
    assert expect in page.locator("article").inner_text().lower()
    reader.check_clean()


# Queries as readers type them (plurals, -ing forms, two-word phrases, API names), each
# with the page that teaches it: it must be among the first five pages listed, and the
# first result must be in the reader's own language.
SEARCHES = {
    OTHER: [
        ("tensors", "tensors"),
        ("creating tensors", "tensors"),
        ("reshape", "tensors"),
        ("broadcasting", "tensors"),
        ("gradients", "autograd"),
        ("autograd", "autograd"),
        ("backward", "autograd"),
        ("computational graph", "autograd"),
        ("detach", "autograd"),
        ("no_grad", "autograd"),
        ("dataset", "data"),
        ("dataloader", "data"),
        ("data loading", "data"),
        ("transforms", "torchvision"),
        ("custom module", "examples/custom-module"),
        ("nn.Module", "models"),
        ("layers", "layers"),
        ("convolution", "layers"),
        ("batch norm", "layers"),
        ("dropout", "layers"),
        ("loss functions", "losses-optimizers"),
        ("optimizers", "losses-optimizers"),
        ("learning rate", "losses-optimizers"),
        ("zero_grad", "losses-optimizers"),
        ("training loop", "training"),
        ("evaluation mode", "training"),
        ("saving models", "saving"),
        ("state_dict", "saving"),
        ("checkpoint", "saving"),
        ("cuda", "devices"),
        ("multiple gpus", "devices"),
        ("pretrained weights", "torchvision"),
        ("debugging", "debugging"),
        ("sine", "examples/sine-fitting"),
        ("mixed precision", "examples/fast-training"),
    ],
    DEFAULT: [
        ("张量", "tensors"),
        ("创建张量", "tensors"),
        ("形状", "tensors"),
        ("广播", "tensors"),
        ("自动求导", "autograd"),
        ("梯度", "autograd"),
        ("反向传播", "autograd"),
        ("计算图", "autograd"),
        ("数据集", "data"),
        ("数据加载", "data"),
        ("变换", "torchvision"),
        ("自定义模块", "examples/custom-module"),
        ("模型", "models"),
        ("卷积", "layers"),
        ("损失函数", "losses-optimizers"),
        ("优化器", "losses-optimizers"),
        ("学习率", "losses-optimizers"),
        ("zero_grad", "losses-optimizers"),
        ("训练循环", "training"),
        ("评估模式", "training"),
        ("保存模型", "saving"),
        ("加载模型", "saving"),
        ("state_dict", "saving"),
        ("设备", "devices"),
        ("多卡", "devices"),
        ("可视化", "tensorboard"),
        ("预训练", "torchvision"),
        ("调试", "debugging"),
        ("正弦", "examples/sine-fitting"),
        ("混合精度", "examples/fast-training"),
    ],
}


# A generated language's readers type its words: the default language's queries, converted.
SEARCHES.update(
    {
        code: [(convert(q), t) for q, t in SEARCHES[SITE.locale(code).source or ""]]
        for code, convert in GENERATED.items()
    }
)


@pytest.mark.parametrize("lang", LANGS)
def test_search_finds_the_page_that_teaches_it(reader: Reader, lang: str) -> None:
    page = reader.open(url_path("index", lang))
    box, meta = ".md-search__input", ".md-search-result__meta"
    page.click(box)
    idle = wait_for_search_index(page)
    own = url_path("index", lang)  # where this language's pages live
    misses = []
    for query, teaches in SEARCHES[lang]:
        page.fill(box, "")
        page.wait_for_function(f"t => document.querySelector('{meta}').innerText === t", arg=idle)
        page.fill(box, query)
        page.press(box, "End")
        page.wait_for_function(f"t => document.querySelector('{meta}').innerText !== t", arg=idle)
        hrefs = page.eval_on_selector_all(
            ".md-search-result__item > a", "links => links.map(a => a.href)"
        )
        found = list(dict.fromkeys(urlsplit(h).path.lstrip("/") for h in hrefs))
        top = [p.removeprefix(own).rstrip("/") for p in found[:5]]
        if teaches not in top or not found[0].startswith(own):
            misses.append(f"{query!r}: expected {teaches!r} among {found[:5]}")
    assert not misses, "\n".join(misses)
    reader.check_clean()


def test_search_index_is_fetched_when_search_is_used(reader: Reader) -> None:
    """A page view fetches no search index; opening search fetches the page's own
    language's index alone (assets/javascripts/search-lazy.js)."""
    fetched: list[str] = []
    reader.page.on("request", lambda r: "search_index" in r.url and fetched.append(r.url))
    for x in SITE.locales:
        fetched.clear()
        page = reader.open(url_path("tensors", x.code))
        page.wait_for_timeout(500)
        assert fetched == [], f"{x.code}: fetched before search was used: {fetched}"
        page.click(".md-search__input")
        wait_for_search_index(page)
        assert [urlsplit(u).path for u in fetched] == [f"/search/search_index.{x.code}.json"]
    reader.check_clean()
