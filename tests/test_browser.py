"""What a reader does, in headless Chromium (Debian's) against the built site on localhost:
the home page, the language switch, copying a snippet, the palette and its figures, a
phone's screen. Search is in ``tests/test_browser_search.py``, every page rendered and
axe's checks in ``tests/test_browser_pages.py``.

Screenshots land in ``test-artifacts/``. Any request that leaves localhost is blocked and
fails the test that made it; so does any console error.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.browser import (
    ARTIFACTS,
    GENERATED,
    LANGS,
    NARROW,
    WIDE,
    Reader,
    narrow_problems,
    wait_for_diagrams,
)
from tests.project import DEFAULT, OTHER, SITE
from tests.test_built_site import built, url_path
from tools.runner import ROOT


@pytest.mark.parametrize("lang", LANGS)
def test_home_page_and_screenshots(reader: Reader, lang: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page = reader.open(url_path("index", lang))
    assert page.locator("html").get_attribute("lang") == lang
    written = SITE.locale(lang).source or lang
    title = "PyTorch 笔记" if written == DEFAULT else "PyTorch Notes"
    assert GENERATED.get(lang, lambda t: t)(title) in page.title()
    page.screenshot(path=ARTIFACTS / f"home-{lang}.png", full_page=True)
    reader.open(url_path("tensors", lang)).screenshot(  # the first screen: 4 MB full page
        path=ARTIFACTS / f"tensors-{lang}.png"
    )
    reader.check_clean()


# Each language to each other one, in mkdocs.yml's order and back.
@pytest.mark.parametrize(
    ("lang", "other"),
    list(zip(LANGS, LANGS[1:] + LANGS[:1])) + list(zip(LANGS[1:] + LANGS[:1], LANGS)),
)
def test_language_switch_lands_on_the_same_page(reader: Reader, lang: str, other: str) -> None:
    page = reader.open(url_path("autograd", lang) + "#graph-example")
    page.hover(".md-header__option .md-select")
    offered = page.locator("a.md-select__link").all_inner_texts()
    assert [t.strip() for t in offered] == [x.name for x in SITE.locales]
    page.click(f'a.md-select__link[hreflang="{other}"]')
    page.wait_for_load_state("networkidle")
    assert page.url == reader.base_url + url_path("autograd", other)
    assert page.locator("html").get_attribute("lang") == other
    reader.check_clean()


def test_copy_button_copies_the_snippet_file(reader: Reader) -> None:
    page = reader.open(url_path("tensors", OTHER))
    block = page.locator("div.highlight:has(span.filename):visible").first
    name = block.locator("span.filename").inner_text()
    block.hover()
    block.locator("button[data-md-type=copy]").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.rstrip("\n") == (ROOT / name).read_text(encoding="utf-8").rstrip("\n")
    reader.check_clean()


def test_dark_mode_toggle(reader: Reader) -> None:
    """The toggle switches the palette; the page's one color-scheme meta follows it (set in
    the head before Material starts: tools/workaround_start_restyles.py)."""
    page = reader.open(url_path("index", OTHER))
    metas = "[...document.querySelectorAll('meta[name=color-scheme]')].map(m => m.content)"
    assert page.evaluate(metas) == ["light"]
    assert page.locator("html").get_attribute("class") == "js js-focus-visible"
    scheme = page.locator("body").get_attribute("data-md-color-scheme")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    assert page.locator("body").get_attribute("data-md-color-scheme") != scheme
    page.wait_for_function(f"JSON.stringify({metas}) === '[\"dark\"]'", timeout=2000)
    page.reload()
    assert page.evaluate(metas) == ["dark"]  # the saved palette, from the first paint
    reader.check_clean()


def _rgb(css: str) -> tuple[int, ...]:
    return tuple(int(v) for v in re.findall(r"\d+", css)[:3])


def test_figures_follow_the_palette(reader: Reader) -> None:
    """The palette toggle swaps each figure for its dark variant, whose background is the
    page's own (sampled from a screenshot); screenshots of both go to test-artifacts/."""
    from PIL import Image

    ARTIFACTS.mkdir(exist_ok=True)
    page = reader.open(url_path("layers", OTHER))
    shown = page.locator(".snippet-output__figure:visible")
    count = shown.count()
    light = page.locator(".snippet-output__figure--light").count()
    # each figure has its dark twin; a GPU recording's tab, not shown, holds more of them
    assert count and light == page.locator(".snippet-output__figure--dark").count() >= count
    for scheme, variant in (("default", "light"), ("slate", "dark")):
        body = page.locator("body")
        if body.get_attribute("data-md-color-scheme") != scheme:
            page.locator("form[data-md-component=palette] label:visible").first.click()
        assert body.get_attribute("data-md-color-scheme") == scheme
        figure = shown.first
        assert f"snippet-output__figure--{variant}" in (figure.get_attribute("class") or "")
        figure.scroll_into_view_if_needed()
        figure.evaluate("img => img.decode()")  # the dark copy is loaded lazily
        shot = ARTIFACTS / f"figure-{variant}.png"
        figure.screenshot(path=shot)
        corner = Image.open(shot).convert("RGB").getpixel((2, 2))
        box = _rgb(
            figure.evaluate("e => getComputedStyle(e.closest('.snippet-output')).backgroundColor")
        )
        expected = (255, 255, 255) if variant == "light" else box
        assert all(abs(a - b) <= 3 for a, b in zip(corner, expected)), (variant, corner, expected)
    reader.check_clean()


def test_narrow_screen_keeps_diagrams_legible(reader: Reader) -> None:
    """The data page on a phone: nothing but its scroll boxes is wider than the screen,
    and its diagram keeps its size in a box that scrolls (screenshot in test-artifacts/)."""
    reader.page.set_viewport_size(NARROW)
    page = reader.open(url_path("data", OTHER), wait_until="load")
    wait_for_diagrams(page)
    assert narrow_problems(page) == []
    assert page.locator(".diagram-scroll--wide > .mermaid").count() == 1
    box = page.locator(".diagram-scroll--wide").first
    assert box.evaluate("e => e.scrollWidth > e.clientWidth")  # it scrolls, inside
    assert box.get_attribute("tabindex") == "0"  # and the keyboard reaches it
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "data-390px.png", full_page=True)
    reader.check_clean()


def test_screenshots_on_a_phone_and_a_laptop(reader: Reader) -> None:
    """A chapter and the execution report at 390 px and 1280 px, into test-artifacts/.
    The report's tables fit beside the navigation at 1280 px (no column cut off) and no
    snippet path is broken over lines."""
    ARTIFACTS.mkdir(exist_ok=True)
    for size in (NARROW, WIDE):
        reader.page.set_viewport_size(size)
        for slug in ("tensors", "examples/report"):
            for lang in (DEFAULT, OTHER):
                page = reader.open(url_path(slug, lang), wait_until="load")
                name = f"{slug.replace('/', '-')}-{lang}-{size['width']}px.png"
                page.screenshot(path=ARTIFACTS / name)
                if slug != "examples/report":
                    continue
                broken = page.evaluate(
                    "[...document.querySelectorAll('article td:first-child code')]"
                    ".filter(c => c.getClientRects().length > 1).map(c => c.textContent)"
                )
                assert not broken, f"{lang} {size['width']} px: paths broken: {broken[:5]}"
                if size is WIDE:
                    cut = page.evaluate(
                        "[...document.querySelectorAll('article .md-typeset__scrollwrap')]"
                        ".filter(w => w.scrollWidth > w.clientWidth + 1)"
                        ".map(w => `${w.scrollWidth} px in ${w.clientWidth} px`)"
                    )
                    assert not cut, f"{lang}: report tables cut off at 1280 px: {cut}"
    reader.check_clean()


CHOSEN_GPU = """[...document.querySelectorAll('.output-tabs')].map(
    set => set.querySelectorAll(':scope > input')[1].checked)"""


def test_gpu_tabs_switch_together_and_are_remembered(reader: Reader) -> None:
    """The tabs under blocks with a GPU recording (``render.output_tabs``), which Material
    does not set up: on a phone both labels are in sight; choosing the GPU under one block
    chooses it under every block, keeps that block where it was on the screen, and the next
    page opens on it; choosing this build's output goes back everywhere."""
    reader.page.set_viewport_size(NARROW)
    page = reader.open(url_path("autograd", OTHER), wait_until="load")
    sets = page.locator(".output-tabs")
    assert sets.count() >= 10 and page.locator("[data-tabs] .snippet-output").count() == 0
    assert set(page.evaluate(CHOSEN_GPU)) == {False}
    target = sets.nth(3)
    target.scroll_into_view_if_needed()
    top = target.evaluate("e => e.getBoundingClientRect().top")
    labels = target.locator(".tabbed-labels > label")
    for n in (0, 1):
        box = labels.nth(n).bounding_box()
        assert box and 0 <= box["x"] and box["x"] + box["width"] <= NARROW["width"], (n, box)
    labels.nth(1).click()
    assert set(page.evaluate(CHOSEN_GPU)) == {True}
    assert abs(target.evaluate("e => e.getBoundingClientRect().top") - top) <= 1
    assert target.locator(".snippet-output--recorded").is_visible()
    page = reader.open(url_path("tensors", DEFAULT), wait_until="load")
    assert set(page.evaluate(CHOSEN_GPU)) == {True}  # remembered
    page.locator(".output-tabs .tabbed-labels > label").first.click()
    assert set(page.evaluate(CHOSEN_GPU)) == {False}
    reader.check_clean()


# Every element's computed style (custom properties aside: cut on purpose), kept in the page;
# the second call returns where it differs from the first (at most five).
STYLES = """() => {
    const now = [...document.querySelectorAll('.jupyter-wrapper, .jupyter-wrapper *')].map(e => {
        const s = getComputedStyle(e);
        const real = [...s].filter(p => !p.startsWith('--'));
        return e.tagName + '.' + e.className + ' '
            + real.map(p => p + ':' + s.getPropertyValue(p)).join(';');
    });
    const before = window.stylesBefore;
    window.stylesBefore = before ? undefined : now;
    if (!before) return [now.length];
    if (before.length !== now.length) return [`${before.length} elements, then ${now.length}`];
    return before.flatMap((b, i) => {
        if (b === now[i]) return [];
        const x = b.split(';'), y = now[i].split(';'), n = x.findIndex((v, k) => v !== y[k]);
        return [`${b.split(' ')[0]}: ${x[n]} != ${y[n]}`];
    }).slice(0, 5);
}"""
NOTEBOOK_STYLE = """[...document.querySelectorAll('head > style')]
    .find(s => s.textContent.includes('.jupyter-wrapper'))"""


def test_a_notebook_page_looks_the_same_as_with_all_of_jupyterlabs_stylesheet(
    reader: Reader, site: Path
) -> None:
    """``tools.css_purge`` keeps what a notebook page can use of JupyterLab's stylesheet
    (590 KB): every element of the notebook has the same computed style as with the whole
    stylesheet, in both palettes."""
    from mkdocs_jupyter.nbconvert2 import nb2html

    from tools.css_purge import purge

    notebook = ROOT / f"docs/notebooks/quickstart.{OTHER}.ipynb"
    full = "\n".join(re.findall(r'<style type="text/css">(.*?)</style>', nb2html(notebook), re.S))
    page = reader.open(url_path("notebooks/quickstart", OTHER), wait_until="load")
    kept = page.evaluate(f"{NOTEBOOK_STYLE}.textContent")
    assert len(full) > 500_000 and len(kept) < len(full) / 10
    without = built(site, "notebooks/quickstart", OTHER).replace(f"<style>{kept}</style>", "")
    assert kept == purge(full, without), "the build cut another stylesheet than this one"
    page.add_style_tag(content="* { transition: none !important; animation: none !important }")
    for scheme in ("default", "slate"):
        page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
        [elements] = page.evaluate(STYLES)
        page.evaluate(f"css => {{ {NOTEBOOK_STYLE}.textContent = css; }}", full)
        assert page.evaluate(STYLES) == [], scheme
        page.evaluate(f"css => {{ {NOTEBOOK_STYLE}.textContent = css; }}", kept)
        assert elements > 300
    reader.check_clean()


WORDS_SPLIT = """() => [...document.querySelectorAll('.jp-OutputArea-output pre')].flatMap(pre => {
    const text = pre.firstChild, words = [...text.data.matchAll(/[\\w.=-]+/g)];
    return words.filter(w => {
        const range = document.createRange();
        range.setStart(text, w.index);
        range.setEnd(text, w.index + w[0].length);
        return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size > 1;
    }).map(w => w[0]);
})"""


def test_a_notebooks_code_takes_a_phones_whole_width(reader: Reader) -> None:
    """On a phone the notebook pages hide JupyterLab's "In [1]:" and "Out" prompts, so code
    and output use the article's width; on a laptop the prompts are there. Output lines wrap
    between words ("out_features=512" stays whole)."""
    widths = """() => [...document.querySelectorAll('.jp-CodeCell')].map(cell => [
        cell.querySelector('.jp-InputPrompt').offsetWidth,
        cell.querySelector('.jp-InputArea-editor').offsetWidth,
        cell.closest('.md-content__inner').clientWidth])"""
    for size, prompts in ((NARROW, False), (WIDE, True)):
        reader.page.set_viewport_size(size)
        page = reader.open(url_path("notebooks/quickstart", DEFAULT), wait_until="load")
        cells = page.evaluate(widths)
        assert len(cells) >= 5
        for prompt, editor, article in cells:
            assert (prompt > 0) == prompts, (size, prompt)
            if not prompts:
                assert editor >= 0.85 * article, (editor, article)  # 67% with prompts
        assert page.evaluate(WORDS_SPLIT) == []
    reader.check_clean()
