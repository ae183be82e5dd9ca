"""The two languages stay in step section by section (``tools/sync.py``, ``sync.lock.json``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.project import DEFAULT, OTHER, Project
from tools import sync
from tools.runner import ROOT


def test_every_section_is_in_step_or_marked_behind() -> None:
    found = sync.drifts(ROOT)
    assert not found, "sections out of step (see `python -m tools.sync`):\n" + "\n".join(
        map(str, found)
    )


ZH = "# 页面 { #page }\n\n开头。\n\n## 第一节 { #one }\n\n一。\n\n## 第二节 { #two }\n\n二。\n"
EN = "# Page { #page }\n\nIntro.\n\n## One { #one }\n\nOne.\n\n## Two { #two }\n\nTwo.\n"


def test_a_section_edited_in_one_language_is_caught(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text("utf-8"), "utf-8")
    both = f"docs/p.{{{DEFAULT},{OTHER}}}.md"
    zh, en = tmp_path / f"docs/p.{DEFAULT}.md", tmp_path / f"docs/p.{OTHER}.md"
    zh.write_text(ZH, encoding="utf-8")
    en.write_text(EN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert [str(d) for d in sync.drifts(tmp_path)][0].startswith(
        f"{both}#page: not in sync.lock.json yet"
    )
    assert sync.main(["update", "p"]) == 0  # a new page: all of its sections at once
    assert sync.drifts(tmp_path) == []
    capsys.readouterr()
    with pytest.raises(SystemExit, match="no section 'p#three'"):
        sync.main(["update", "p#three"])

    en.write_text(EN.replace("Two.", "Two, edited."), encoding="utf-8")  # English only
    [drift] = sync.drifts(tmp_path)
    assert str(drift).startswith(f"{both}#two: changed in {OTHER} only; update {DEFAULT}")
    capsys.readouterr()
    assert sync.main([]) == 1
    assert f"#two: changed in {OTHER} only" in capsys.readouterr().out

    zh.write_text(ZH.replace("二。", "二，改过。"), encoding="utf-8")  # now both changed
    [drift] = sync.drifts(tmp_path)
    assert str(drift).startswith(f"{both}#two: changed in {DEFAULT} and {OTHER} since")
    assert sync.main(["update", "p#two"]) == 0
    assert sync.drifts(tmp_path) == []

    en.write_text(
        en.read_text(encoding="utf-8").replace("One.", "One, rewritten."), encoding="utf-8"
    )
    assert sync.main(["behind", "p#one", DEFAULT]) == 0  # Chinese knowingly behind
    assert sync.drifts(tmp_path) == []
    assert sync.behind(tmp_path) == {("p", "one"): DEFAULT}
    assert sync.main(["update", "p#one"]) == 0  # caught up: the mark goes
    assert sync.behind(tmp_path) == {}


def test_a_section_marked_behind_shows_readers_a_notice(tmp_path: Path) -> None:
    project = Project(tmp_path / "project")
    project.write(f"docs/p.{DEFAULT}.md", ZH)
    project.write(f"docs/p.{OTHER}.md", EN)
    for args in (["update"], ["behind", "p#two", OTHER]):
        r = subprocess.run(
            [sys.executable, "-m", "tools.sync", *args],
            cwd=project.path,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert r.returncode == 0, r.stderr
    assert project.build().returncode == 0
    en = (project.path / f"site/{OTHER}/p/index.html").read_text(encoding="utf-8")
    zh = (project.path / "site/p/index.html").read_text(encoding="utf-8")
    assert en.count("This section is behind the Chinese version") == 1
    assert 'href="../../p/#two">Read the section in Chinese</a>' in en
    assert en.index('id="two"') < en.index("This section is behind")  # under its heading
    assert "本节的中文版尚未更新" not in zh and "This section is behind" not in zh
