"""The site's languages come from its configuration (``tools.site``); generated ones
(``tools.generate``) are converted with OpenCC and a phrase table, and a new one needs
nothing but a config entry."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from tests.project import DEFAULT, OTHER, SITE, Project
from tools import generate, site
from tools.convert import converter
from tools.runner import ROOT

GENERATED = [x.code for x in SITE.generated]


def locale_names_pattern() -> re.Pattern[str]:
    """A language code or URL prefix of the site, as code would write one: quoted, as a
    page or notebook suffix (``.<code>.md``), as a URL prefix (``"<code>/"``,
    ``/<code>/``), or as an HTML or YAML attribute (``lang="<code>"``, ``locale: <code>``)."""
    codes = "|".join(sorted((re.escape(x.code) for x in SITE.locales), key=len, reverse=True))
    return re.compile(
        rf"""["'](?:{codes})["']|\.(?:{codes})\.(?:md|ipynb)\b|["'/](?:{codes})/"""
        rf"""|lang=\\?["'](?:{codes})["']|locale:\s*(?:{codes})(?![\w-])"""
    )


def test_only_the_model_names_a_locale() -> None:
    pattern = locale_names_pattern()
    for example in (
        f'x = "{OTHER}"',
        f"docs/p.{DEFAULT}.md",
        f'url = "{OTHER}/p/"',
        f'<html lang="{DEFAULT}">',
        *(f"p.{x}.ipynb" for x in GENERATED),
    ):
        assert pattern.search(example), f"the pattern misses {example}"
    assert not pattern.search(f'<html lang="{DEFAULT}-XX">')
    found = []
    for path in sorted(
        [*ROOT.glob("tools/**/*.py"), *ROOT.glob("tests/**/*.py"), ROOT / "conftest.py"]
    ):
        if path == ROOT / "tools" / "site.py":
            continue  # the model
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line):
                found.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert not found, (
        "a language code or URL prefix outside tools/site.py; ask the model "
        "(tools.site) instead:\n" + "\n".join(found)
    )


@pytest.mark.parametrize("code", GENERATED)
def test_every_phrase_is_needed_and_lands(code: str) -> None:
    locale = SITE.locale(code)
    table = site.phrases(SITE, code)
    assert table, f"locales/{code}.yml has no phrases"
    convert = generate.for_locale(SITE, locale)
    for simplified, wanted in table.items():
        others = tuple(sorted((s, t) for s, t in table.items() if s != simplified))
        without = converter(locale.opencc or "", others)
        assert without(f"这里的{simplified}。") != f"這裡的{wanted}。", (
            f"locales/{code}.yml: {simplified} reads {wanted} without its entry; drop it"
        )
        assert convert(f"这里的{simplified}。") == f"這裡的{wanted}。", simplified


# The words issue 14 names, and some of the notes' own, as Taiwan's PyTorch texts write them.
TAIWAN = {
    "张量": "張量",
    "梯度": "梯度",
    "优化器": "優化器",
    "批量": "批次",
    "卷积": "卷積",
    "损失函数": "損失函數",
    "数据集": "資料集",
    "模型": "模型",
    "自动求导": "自動求導",
    "广播": "廣播",
    "超参数": "超參數",
    "默认": "預設",
    "程序": "程式",
    "显存": "顯示記憶體",
    "激活函数": "激活函數",
    "张量的视图": "張量的視圖",
    "文件扩展名": "檔案副檔名",
}


def test_pytorch_terms_read_as_in_taiwan() -> None:
    locale = next((x for x in SITE.generated if x.opencc == "s2twp"), None)
    if locale is None:
        pytest.skip("no locale generated with s2twp")
    convert = generate.for_locale(SITE, locale)
    wrong = {s: convert(s) for s, t in TAIWAN.items() if convert(s) != t}
    assert not wrong, f"converted differently from {TAIWAN}: {wrong}"


def test_code_and_output_stay_as_written() -> None:
    convert = converter("s2twp", (("参数", "參數"),))
    text = (
        '# 数据 { #data }\n\n调用 `print("数据")` 打印参数。\n\n```python\n--8<-- "a.py"\n```\n\n'
        '```text\n数据\n```\n\n```mermaid\nflowchart TD\n    a["数据"] --> b["模型"]\n```\n'
    )
    out = generate.convert_markdown(text, convert)
    assert out.startswith('# 資料 { #data }\n\n呼叫 `print("数据")` 列印參數。\n')
    assert "```text\n数据\n```" in out and 'a["資料"]' in out and '--8<-- "a.py"' in out


def test_generated_pages_are_never_committed(site: Path) -> None:
    made = [p for code in GENERATED for p in SITE.pages(SITE.locale(code))]
    assert len(made) == len(GENERATED) * len(SITE.pages()), "a generated page is missing"
    r = subprocess.run(
        ["git", "check-ignore", "--no-index", *map(str, made)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if r.returncode == 128:
        pytest.skip(f"not a git checkout: {r.stderr.strip()}")
    ignored = set(r.stdout.split())
    assert not [str(p) for p in made if str(p) not in ignored], ".gitignore must cover them"
    tracked = subprocess.run(
        ["git", "ls-files", "docs"], cwd=ROOT, capture_output=True, text=True
    ).stdout.split()
    assert not [t for t in tracked if SITE.locale_of(t) in SITE.generated]


def test_a_fourth_language_from_a_config_entry_alone(tmp_path: Path) -> None:
    """What CONTRIBUTING.md's "Add a language" promises: one entry in mkdocs.yml (here a
    generated one, so there are no pages to write) and the site has the language: its
    pages, its language switch entry, its words, its notebook-free build."""
    project = Project(tmp_path, generated=True)
    project.write("snippets/p/a.py", "print('输出不变')\n")
    project.pages("p", "p/a.py")
    config = (project.path / "mkdocs.yml").read_text(encoding="utf-8")
    entry = {
        "locale": "zh-HK",
        "name": "繁體中文（香港）",
        "build": True,
        "extra": {"generated_from": DEFAULT, "opencc": "s2hk"},
    }
    config = config.replace(
        "hooks:", f"        - {json.dumps(entry, ensure_ascii=False)}\nhooks:", 1
    )
    (project.path / "mkdocs.yml").write_text(config, encoding="utf-8")
    r = project.build()
    assert r.returncode == 0, r.stderr
    fourth = site.load(project.path / "mkdocs.yml").locale("zh-HK")
    built = (project.path / "site" / fourth.url("p") / "index.html").read_text("utf-8")
    assert '<html lang="zh-HK"' in built
    assert "頁面" in built and "输出不变" in built  # the heading converted, the output not
    assert "輸出" in built  # the build's own label, converted
    locales = site.load(project.path / "mkdocs.yml").locales
    assert len(locales) == len(SITE.locales) + 1
    for x in locales:
        assert f'hreflang="{x.code}" class="md-select__link"' in built, x.code


def test_a_written_language_without_its_labels_is_named() -> None:
    broken = site.Site(
        root=ROOT,
        docs=SITE.docs,
        snippets=SITE.snippets,
        locales=SITE.locales + (site.Locale("fr", "Français", "fr/", False),),
    )
    with pytest.raises(FileNotFoundError, match=r"locales/fr\.yml has no labels: copy "):
        broken.labels("fr")
